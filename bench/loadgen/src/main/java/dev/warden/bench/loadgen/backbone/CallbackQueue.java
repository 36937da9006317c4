package dev.warden.bench.loadgen.backbone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Queues callback rows straight into Warden's outbox, in the shape the async moderation path writes them (kind
 * {@code callback}, destination {@code callback:<client>}, payload {@code {client, url, event}}), so the benchmark
 * measures the backbone alone: claim, signed HTTP delivery, completion. Each row's commit time is when PostgreSQL
 * acknowledged its commit to this JVM (System.nanoTime, the sink's clock).
 */
final class CallbackQueue {

    /** The columns V4__outbox.sql requires; status and attempts take their defaults (pending, 0). */
    private static final String INSERT_MANY = """
            insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
            select id, 'callback', ?, id, jsonb_set(jsonb_set(?::jsonb, '{event,data,id}', to_jsonb(id::text)),
                   '{event,timestamp}', to_jsonb(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
                   now(), now()
            from unnest(?::uuid[]) as id""";

    private static final long START_DELAY_NANOS = 50_000_000L;
    private static final long LATE_NANOS = 10_000_000L;

    private final String url;
    private final String user;
    private final String password;
    private final String destination;
    private final String payload;

    /** {@code payloadTemplate}: {@code {client, url, event: {type, data}}}; each row gets its own data.id. */
    CallbackQueue(String databaseUrl, String user, String password, String client, String payloadTemplate) {
        this.url = "jdbc:" + databaseUrl;
        this.user = user;
        this.password = password;
        this.destination = "callback:" + client;
        this.payload = payloadTemplate;
    }

    /** Rows queued and when each commit was acknowledged. */
    record Queued(List<UUID> rows, Map<UUID, Long> committedAt, double achievedRate, long lateSends) {
    }

    /** {@code count} rows in one statement and one commit: a backlog the workers find all at once. */
    Queued backlog(int count) throws SQLException {
        List<UUID> rows = newRows(count);
        long started = System.nanoTime();
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
            insert(connection, insert, rows);
        }
        long committed = System.nanoTime();
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        rows.forEach(row -> committedAt.put(row, committed));
        return new Queued(rows, committedAt, count / ((committed - started) / 1e9), 0);
    }

    /**
     * One row per transaction at a constant rate for {@code seconds}, from {@code connections} connections (open
     * loop: row i is due at start + i / rate, whatever happened to the rows before it). A row sent more than 10 ms
     * after it was due counts as late: the enqueuer, not Warden, fell behind.
     */
    Queued steady(double rate, double seconds, int connections) throws Exception {
        int count = (int) Math.round(rate * seconds);
        List<UUID> rows = newRows(count);
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong late = new AtomicLong();
        long periodNanos = Math.round(1e9 / rate);
        List<Connection> opened = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        long start;
        try {
            for (int c = 0; c < connections; c++) {
                opened.add(connect());
            }
            // Connected before the clock starts: connecting is not the enqueuer falling behind.
            start = System.nanoTime() + START_DELAY_NANOS;
            List<Future<?>> running = new ArrayList<>();
            for (Connection connection : opened) {
                running.add(senders.submit(() -> {
                    try (PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
                        for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long due = start + i * periodNanos;
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            } else if (-wait > LATE_NANOS) {
                                late.incrementAndGet();
                            }
                            UUID row = rows.get((int) i);
                            insert(connection, insert, List.of(row));
                            committedAt.put(row, System.nanoTime());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
            for (Connection connection : opened) {
                connection.close();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Queued(rows, committedAt, count / elapsed, late.get());
    }

    /**
     * A constant rate for {@code seconds}, the rows that came due during each {@code interval} committed together from
     * one connection: how many moderations complete per commit when PostgreSQL's commits, not the arrivals, are the
     * limit. A row committed more than {@code interval} + 10 ms after it was due counts as late.
     */
    Queued batched(double rate, double seconds, Duration interval) throws SQLException {
        int count = (int) Math.round(rate * seconds);
        List<UUID> rows = newRows(count);
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        double periodNanos = 1e9 / rate;
        long late = 0;
        long start;
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
            start = System.nanoTime() + START_DELAY_NANOS;
            int sent = 0;
            while (sent < count) {
                LockSupport.parkNanos(interval.toNanos());
                long now = System.nanoTime();
                int due = now < start ? 0 : (int) Math.min(count, (now - start) / periodNanos + 1);
                if (due > sent) {
                    List<UUID> batch = rows.subList(sent, due);
                    if (now - (start + sent * periodNanos) > interval.toNanos() + LATE_NANOS) {
                        late += batch.size();
                    }
                    insert(connection, insert, batch);
                    long committed = System.nanoTime();
                    batch.forEach(row -> committedAt.put(row, committed));
                    sent = due;
                }
            }
        }
        return new Queued(rows, committedAt, count / ((System.nanoTime() - start) / 1e9), late);
    }

    private static List<UUID> newRows(int count) {
        List<UUID> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(UUID.randomUUID());
        }
        return rows;
    }

    private void insert(Connection connection, PreparedStatement insert, List<UUID> rows) throws SQLException {
        insert.setString(1, destination);
        insert.setString(2, payload);
        insert.setArray(3, connection.createArrayOf("uuid", rows.toArray()));
        insert.executeUpdate();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
