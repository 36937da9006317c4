package dev.warden.bench.loadgen.backbone;

import dev.warden.bench.loadgen.LatencySummary;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Queues a phase's rows, waits until the sink has them all (or the drain timeout passes) and measures. */
final class BackboneRun {

    private static final long POLL_MS = 20;
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    /** Ten minutes in microseconds: no commit-to-delivery time of a finished run is longer. */
    private static final long HIGHEST_MICROS = 600_000_000L;

    private final CallbackSink sink;
    private final CallbackQueue queue;
    private final Duration drainTimeout;
    private final PrintStream out;

    BackboneRun(CallbackSink sink, CallbackQueue queue, Duration drainTimeout, PrintStream out) {
        this.sink = sink;
        this.queue = queue;
        this.drainTimeout = drainTimeout;
        this.out = out;
    }

    PhaseResult backlog(String name, int count) throws Exception {
        return measure(name, 0, queue.backlog(count));
    }

    /** A commit per row, as each async moderation's completion commits its own callback row. */
    PhaseResult steady(double rate, Duration duration, int connections) throws Exception {
        String name = String.format(Locale.ROOT, "steady %.0f/s, a commit per row", rate);
        return measure(name, rate, queue.steady(rate, duration.toNanos() / 1e9, connections));
    }

    /** The rows due in each interval committed together. */
    PhaseResult batched(double rate, Duration duration, Duration interval) throws Exception {
        String name = String.format(Locale.ROOT, "steady %.0f/s, a commit per %d ms", rate, interval.toMillis());
        return measure(name, rate, queue.batched(rate, duration.toNanos() / 1e9, interval));
    }

    private PhaseResult measure(String name, double targetRate, CallbackQueue.Queued queued) throws Exception {
        List<UUID> rows = queued.rows();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        long received;
        while ((received = sink.received(rows)) < rows.size() && System.nanoTime() < deadline) {
            if (System.nanoTime() > nextProgress) {
                out.printf(Locale.ROOT, "[%s] %d of %d delivered%n", name, received, rows.size());
                nextProgress += PROGRESS_NANOS;
            }
            Thread.sleep(POLL_MS);
        }
        Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        long firstCommit = Long.MAX_VALUE;
        long lastReceipt = Long.MIN_VALUE;
        for (UUID row : rows) {
            long committed = queued.committedAt().get(row);
            firstCommit = Math.min(firstCommit, committed);
            Long receipt = sink.receivedAt(row);
            if (receipt != null) {
                lastReceipt = Math.max(lastReceipt, receipt);
                micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (receipt - committed) / 1000)));
            }
        }
        double seconds = received == 0 ? 0 : (lastReceipt - firstCommit) / 1e9;
        PhaseResult result = new PhaseResult(name, targetRate, rows.size(), round(queued.achievedRate()),
                queued.lateSends(), received, received == rows.size(), round(seconds),
                round(seconds > 0 ? received / seconds : 0), LatencySummary.of(micros), databaseLatency(rows),
                attemptsByWorker(rows), retries(rows));
        out.println(summary(result));
        return result;
    }

    static String summary(PhaseResult result) {
        LatencySummary latency = result.commitToDeliveryMs();
        return String.format(Locale.ROOT, "[%s] %d/%d delivered in %.2f s: %.0f deliveries/s; commit->delivery ms"
                + " p50 %s p99 %s max %s; enqueued at %.0f/s (%d late); workers %s; retries %d", result.name(),
                result.delivered(), result.queued(), result.seconds(), result.deliveriesPerSecond(),
                latency == null ? "-" : latency.p50(), latency == null ? "-" : latency.p99(),
                latency == null ? "-" : latency.max(), result.enqueueRate(), result.lateEnqueues(),
                result.attemptsByWorker(), result.retries());
    }

    /** p50 and p99 of finished_at - created_at, in ms on PostgreSQL's clock. */
    private Map<String, Double> databaseLatency(List<UUID> rows) throws SQLException {
        Map<String, Double> latency = new LinkedHashMap<>();
        query("""
                select percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at)),
                       percentile_cont(0.99) within group (order by extract(epoch from finished_at - created_at))
                from outbox where id = any(?) and finished_at is not null""", rows, result -> {
                    latency.put("p50", millis(result, 1));
                    latency.put("p99", millis(result, 2));
                });
        return latency;
    }

    private Map<String, Long> attemptsByWorker(List<UUID> rows) throws SQLException {
        Map<String, Long> byWorker = new LinkedHashMap<>();
        query("select worker, count(*) from outbox_attempt where outbox_id = any(?) group by worker order by worker",
                rows, result -> byWorker.put(result.getString(1), result.getLong(2)));
        return byWorker;
    }

    private long retries(List<UUID> rows) throws SQLException {
        long[] retries = {0};
        query("select count(*) - count(distinct outbox_id) from outbox_attempt where outbox_id = any(?)", rows,
                result -> retries[0] = result.getLong(1));
        return retries[0];
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, List<UUID> rows, RowReader reader) throws SQLException {
        try (Connection connection = queue.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", rows.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    reader.read(result);
                }
            }
        }
    }

    /** Seconds in a column, as milliseconds; null when no row finished. */
    private static Double millis(ResultSet result, int column) throws SQLException {
        double seconds = result.getDouble(column);
        return result.wasNull() ? null : round(seconds * 1000);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
