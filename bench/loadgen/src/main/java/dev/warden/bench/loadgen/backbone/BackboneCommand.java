package dev.warden.bench.loadgen.backbone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.bench.loadgen.ParsedOptions;
import dev.warden.bench.loadgen.ReportWriter;
import dev.warden.bench.loadgen.UsageException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code loadgen backbone ...}: the durable backbone's throughput and latency (issue 8, point 7). Starts the callback
 * sink, queues callback rows in Warden's outbox (a warm-up backlog, the measured backlog, then steady rates) and
 * reports deliveries per second and commit-to-delivery percentiles per phase. See bench/README.md, "Backbone".
 */
public final class BackboneCommand {

    public static final String NAME = "backbone";
    static final String USAGE = """
            Usage: java -jar loadgen.jar backbone --sink-port N --secret whsec_... --client NAME
                     --db-url postgresql://host:port/db --db-user U --db-password P --data-file FILE [options]

              --backlog N            rows queued in one commit, measured (default 20000)
              --warmup-backlog N     rows queued and delivered first, not measured (default 2000)
              --rates R1,R2,...      steady rates after the backlog, one commit per row (default 100,200)
              --batched-rates R,...  steady rates after those, the rows due in each --batch-interval
                                     committed together (default 500,1000,2000)
              --batch-interval D     (default 5ms)
              --duration D           length of each steady phase (default 20s)
              --connections N        database connections of the steady enqueuer (default 8)
              --drain-timeout D      longest wait for a phase's deliveries (default 5m)
              --processes N          how many Warden processes deliver (for the report; default 1)
              --label NAME           name of the scenario (default: backbone)
              --out FILE             JSON report (default: stdout)
            """;
    private static final Set<String> OPTIONS = Set.of("sink-port", "secret", "client", "db-url", "db-user",
            "db-password", "data-file", "backlog", "warmup-backlog", "rates", "batched-rates", "batch-interval",
            "duration", "connections",
            "drain-timeout", "processes", "label", "out");
    private static final String SINK_PATH = "/callbacks";

    private BackboneCommand() {
    }

    public static void run(String[] args, PrintStream out) throws Exception {
        ParsedOptions options;
        try {
            options = ParsedOptions.parse(Arrays.asList(args).subList(1, args.length), OPTIONS, Set.of());
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + USAGE, e);
        }
        int sinkPort = Integer.parseInt(required(options, "sink-port"));
        String client = required(options, "client");
        String secret = required(options, "secret");
        String payload = payload(client, "http://127.0.0.1:" + sinkPort + SINK_PATH,
                Path.of(required(options, "data-file")));
        CallbackQueue queue = new CallbackQueue(required(options, "db-url"), required(options, "db-user"),
                required(options, "db-password"), client, payload);
        Duration duration = options.duration("duration", Duration.ofSeconds(20), false);
        int connections = options.positiveInt("connections", 8);
        try (CallbackSink sink = new CallbackSink(sinkPort, secret)) {
            BackboneRun run = new BackboneRun(sink, queue,
                    options.duration("drain-timeout", Duration.ofMinutes(5), false), out);
            run.backlog("warm-up backlog", options.positiveInt("warmup-backlog", 2_000));
            List<PhaseResult> phases = new ArrayList<>();
            phases.add(run.backlog("backlog", options.positiveInt("backlog", 20_000)));
            for (double rate : rates(options.optional("rates").orElse("100,200"))) {
                phases.add(run.steady(rate, duration, connections));
            }
            Duration interval = options.duration("batch-interval", Duration.ofMillis(5), false);
            for (double rate : rates(options.optional("batched-rates").orElse("500,1000,2000"))) {
                phases.add(run.batched(rate, duration, interval));
            }
            BackboneReport report = new BackboneReport(options.optional("label").orElse(NAME),
                    options.positiveInt("processes", 1), phases, sink.repeated(), sink.unverified());
            ReportWriter.write(report, options.optional("out").map(Path::of), out);
        }
    }

    /** The outbox payload the async path writes: the client, its callback URL and the event; data from a file. */
    private static String payload(String client, String url, Path dataFile) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = json.createObjectNode().put("client", client).put("url", url);
        payload.putObject("event").put("type", "moderation.completed").put("timestamp", "")
                .set("data", json.readTree(Files.readString(dataFile)));
        return json.writeValueAsString(payload);
    }

    private static String required(ParsedOptions options, String name) {
        Optional<String> value = options.optional(name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("backbone needs --" + name + System.lineSeparator() + USAGE);
        }
        return value.get();
    }

    /** A comma-separated list of rates; empty for none. */
    private static double[] rates(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(rate -> !rate.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }
}
