package dev.warden.bench.loadgen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code loadgen report --run-dir D --startup-ms N --warmup 10s --out-json F --out-md F}: writes the benchmark report
 * from a run directory. The environment description comes from {@code D/environment.md} when run.sh wrote one.
 */
public final class ReportCommand {

    public static final String NAME = "report";
    private static final Set<String> OPTIONS = Set.of("--run-dir", "--startup-ms", "--warmup", "--out-json",
            "--out-md");
    /** Optional: a Markdown file of findings (what limits each missed target), appended to the report. */
    private static final String FINDINGS = "--findings";

    private ReportCommand() {
    }

    public static void run(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!(OPTIONS.contains(args[i]) || args[i].equals(FINDINGS)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("report takes " + OPTIONS + " each with a value; got '" + args[i]
                        + "'");
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : OPTIONS) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("report needs " + required);
            }
        }
        Path runDirectory = Path.of(options.get("--run-dir"));
        Path environmentFile = runDirectory.resolve("environment.md");
        String environment = Files.exists(environmentFile) ? Files.readString(environmentFile).strip() : "";
        String findings = options.containsKey(FINDINGS) ? Files.readString(Path.of(options.get(FINDINGS))) : "";
        new BenchReport(runDirectory, seconds(options.get("--warmup")), Long.parseLong(options.get("--startup-ms")),
                environment, findings).write(Path.of(options.get("--out-json")), Path.of(options.get("--out-md")));
    }

    private static double seconds(String duration) {
        String value = duration.trim();
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1));
        }
        return Double.parseDouble(value);
    }
}
