package dev.warden.bench.loadgen;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the raw arguments into a {@link Command}, rejecting anything it cannot act on. */
final class CommandLine {

    static final String USAGE = """
            Usage:
              java -jar loadgen.jar run      --url URL --rate N [options]
              java -jar loadgen.jar saturate --url URL [options]

            Open-loop HTTP load generator. Requests go out at fixed intended times and latency is
            measured from the intended send time, so a slow target cannot slow the generator down
            and hide its own queueing (no coordinated omission).

            Common options:
              --url URL               target, http:// or https:// (required)
              --method POST|GET       default POST
              --body-file FILE        request body (default: empty)
              --header "Name: value"  request header, repeatable
              --connections N         max pooled HTTP/1.1 keep-alive connections (default 64)
              --timeout DURATION      per-request timeout, counted as error "timeout" (default 10s)
              --warmup DURATION       unrecorded warm-up at the first rate, 0s to skip (default 5s)
              --label NAME            name carried into the report (default: host:port/path)
              --out FILE              write the JSON report here (default: print it to stdout)

            run options:
              --rate N                requests per second (required)
              --duration DURATION     length of each measured run (default 20s)
              --runs N                measured runs; the report adds their median (default 3)

            saturate options:
              --latency-bound-ms MS   p99 a step must stay under (default 50)
              --start-rate N          first step's rate, also the warm-up rate (default 250)
              --step-factor F         each next step is F times the previous rate, F > 1 (default 1.25)
              --max-rate N            highest rate tried (default 50000)
              --step-duration D       length of each step (default 5s)

            Durations: 500ms, 20s, 2m (a bare number means seconds).
            Exit codes: 0 done (target errors are data, not failure), 2 bad arguments,
                        3 target unreachable at the start, 1 internal failure.
            """;

    private static final Set<String> COMMON = Set.of(
            "url", "method", "body-file", "header", "connections", "timeout", "warmup", "label", "out");
    private static final Set<String> RUN_ONLY = Set.of("rate", "duration", "runs");
    private static final Set<String> SATURATE_ONLY = Set.of(
            "latency-bound-ms", "start-rate", "step-factor", "max-rate", "step-duration");
    private static final Set<String> REPEATABLE = Set.of("header");

    private CommandLine() {
    }

    static Command parse(String[] args) throws UsageException {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty() || all.contains("--help") || all.contains("-h") || all.get(0).equals("help")) {
            return new Command.Help();
        }
        List<String> options = all.subList(1, all.size());
        return switch (all.get(0)) {
            case "run" -> parseRun(ParsedOptions.parse(options, union(COMMON, RUN_ONLY), REPEATABLE));
            case "saturate" -> parseSaturate(ParsedOptions.parse(options, union(COMMON, SATURATE_ONLY), REPEATABLE));
            default -> throw new UsageException("unknown mode '" + all.get(0) + "' (expected run or saturate)");
        };
    }

    private static Command.Run parseRun(ParsedOptions options) throws UsageException {
        return new Command.Run(
                parseCommon(options),
                options.requiredPositiveDouble("rate"),
                options.duration("duration", Duration.ofSeconds(20), false),
                options.positiveInt("runs", 3));
    }

    private static Command.Saturate parseSaturate(ParsedOptions options) throws UsageException {
        Command.Common common = parseCommon(options);
        double startRate = options.positiveDouble("start-rate", 250);
        double stepFactor = options.positiveDouble("step-factor", 1.25);
        double maxRate = options.positiveDouble("max-rate", 50_000);
        if (stepFactor <= 1) {
            throw new UsageException("--step-factor must be greater than 1, got " + stepFactor);
        }
        if (maxRate < startRate) {
            throw new UsageException("--max-rate (" + maxRate + ") is below --start-rate (" + startRate + ")");
        }
        return new Command.Saturate(
                common,
                options.positiveDouble("latency-bound-ms", 50),
                startRate,
                stepFactor,
                maxRate,
                options.duration("step-duration", Duration.ofSeconds(5), false));
    }

    private static Command.Common parseCommon(ParsedOptions options) throws UsageException {
        URI url = parseUrl(options.required("url"));
        String method = options.optional("method").orElse("POST").toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("GET")) {
            throw new UsageException("--method must be POST or GET, got '" + method + "'");
        }
        List<Command.Header> headers = new ArrayList<>();
        for (String line : options.all("header")) {
            headers.add(Command.Header.parse(line));
        }
        return new Command.Common(
                url,
                method,
                options.optional("body-file").map(Path::of),
                List.copyOf(headers),
                options.positiveInt("connections", 64),
                options.duration("timeout", Duration.ofSeconds(10), false),
                options.duration("warmup", Duration.ofSeconds(5), true),
                options.optional("label").orElseGet(() -> defaultLabel(url)),
                options.optional("out").map(Path::of));
    }

    private static URI parseUrl(String text) throws UsageException {
        try {
            URI url = new URI(text);
            boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            if (http && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, together with URLs that parse but are not absolute http(s)
        }
        throw new UsageException("--url must be an absolute http:// or https:// URL, got '" + text + "'");
    }

    private static String defaultLabel(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getHost() + port + path;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        return union;
    }
}
