package dev.warden.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The settings table of an adapter's README ({@code | Key | Default | Secret | Meaning |}). */
final class AdapterSettingsTable {

    /** The keys the table marks as secret. */
    static List<String> secretKeys(Path readme) throws IOException {
        List<String> keys = new ArrayList<>();
        int secretColumn = -1;
        for (String line : Files.readAllLines(readme)) {
            if (!line.startsWith("|")) {
                secretColumn = -1;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("Key")) {
                secretColumn = cells.indexOf("Secret");
            } else if (secretColumn > 0 && cells.size() > secretColumn && cells.get(secretColumn).equals("yes")) {
                keys.add(cells.get(0).replace("`", ""));
            }
        }
        return keys;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1).split("(?<!\\\\)\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private AdapterSettingsTable() {
    }
}
