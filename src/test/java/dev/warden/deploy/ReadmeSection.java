package dev.warden.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A top-level section of README.md, as the commands a reader would copy from it. */
final class ReadmeSection {

    private static final Path README = Path.of("README.md");

    /** The lines inside the section's fenced code blocks, stripped, comments and blank lines left out. */
    static List<String> commandLines(String title) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inSection = false;
        boolean inCode = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## " + title);
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && !line.isBlank() && !line.strip().startsWith("#")) {
                lines.add(line.strip());
            }
        }
        if (lines.isEmpty()) {
            throw new AssertionError("README.md has no commands under ## " + title);
        }
        return lines;
    }

    private ReadmeSection() {
    }
}
