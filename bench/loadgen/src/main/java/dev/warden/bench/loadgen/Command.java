package dev.warden.bench.loadgen;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the command line asked for, already validated. */
sealed interface Command {

    record Help() implements Command {
    }

    /** A mode that sends load, as opposed to asking for help. */
    sealed interface Load extends Command permits Run, Saturate {
        Common common();
    }

    record Run(Common common, double rate, Duration duration, int runs) implements Load {
    }

    record Saturate(Common common, double latencyBoundMs, double startRate, double stepFactor, double maxRate,
                    Duration stepDuration) implements Load {
    }

    /** Settings both modes share: the request to send, the connection pool, warm-up and reporting. */
    record Common(URI url, String method, Optional<Path> bodyFile, List<Header> headers, int connections,
                  Duration timeout, Duration warmup, String label, Optional<Path> out) {
    }

    record Header(String name, String value) {

        /** Parses "Name: value", the form curl uses. */
        static Header parse(String line) throws UsageException {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim();
            if (name.isEmpty()) {
                throw new UsageException("--header must look like \"Name: value\", got '" + line + "'");
            }
            return new Header(name, line.substring(colon + 1).trim());
        }
    }
}
