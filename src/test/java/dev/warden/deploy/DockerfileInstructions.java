package dev.warden.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile, as Docker reads them: comments and blank lines dropped, lines ending in a
 * backslash joined with the next, each split into its keyword and its arguments.
 */
record DockerfileInstructions(List<Instruction> all) {

    record Instruction(String keyword, String arguments) {
    }

    static DockerfileInstructions read(Path dockerfile) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            instructions.add(new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT),
                    whole.substring(space + 1).strip().replaceAll("\\s+", " ")));
        }
        return new DockerfileInstructions(List.copyOf(instructions));
    }

    List<Instruction> named(String keyword) {
        return all.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage: those after the last FROM. */
    DockerfileInstructions finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return new DockerfileInstructions(all.subList(lastFrom, all.size()));
    }
}
