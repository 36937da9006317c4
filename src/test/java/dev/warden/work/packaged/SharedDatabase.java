package dev.warden.work.packaged;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.warden.embedded.EmbeddedDatabase;

/**
 * One PostgreSQL for every Warden process of a test (the embedded server, started by the test, fsync off for speed),
 * and the test's own SQL view of the outbox, read with JDBC: what the processes did, independent of their API.
 */
final class SharedDatabase implements AutoCloseable {

    /** An outbox row as the test reads it. */
    record OutboxRow(String id, String kind, String status, String leaseOwner, Instant leaseUntil) {
    }

    /** One stored attempt at a row. */
    record Attempt(String outboxId, int number, Instant startedAt, long durationMs, String outcome,
            Integer httpStatus, String worker) {

        Instant endedAt() {
            return startedAt.plusMillis(durationMs);
        }
    }

    private final EmbeddedDatabase database;

    SharedDatabase(Path directory) {
        this.database = EmbeddedDatabase.start(directory.resolve("pg"), 0, false, directory.resolve("pg-password"));
    }

    /** The options that point a Warden process at this database. */
    List<String> wardenOptions() {
        return database.wardenSettings().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    List<OutboxRow> outbox(String kind) {
        return query("select id::text, kind, status, lease_owner, lease_until from outbox where kind = ?", kind,
                rs -> new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5)));
    }

    /** The rows of a kind leased now (lease_until in the future by the database's clock). */
    List<OutboxRow> leased(String kind) {
        return query("select id::text, kind, status, lease_owner, lease_until from outbox"
                + " where kind = ? and status = 'pending' and lease_until > now()", kind,
                rs -> new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5)));
    }

    List<Attempt> attempts(String kind) {
        return query("select a.outbox_id::text, a.number, a.started_at, a.duration_ms, a.outcome, a.http_status,"
                + " a.worker from outbox_attempt a join outbox o on o.id = a.outbox_id where o.kind = ?"
                + " order by a.outbox_id, a.number", kind,
                rs -> new Attempt(rs.getString(1), rs.getInt(2), instant(rs, 3), rs.getLong(4), rs.getString(5),
                        (Integer) rs.getObject(6), rs.getString(7)));
    }

    /** The status of each inbox event of a partner, by its {@code webhook-id}. */
    List<String> webhookEventStatuses(String partner) {
        return query("select status from webhook_event where partner = ? order by received_at", partner,
                rs -> rs.getString(1));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, String parameter, RowReader<T> reader) {
        try (Connection connection = DriverManager.getConnection("jdbc:" + database.url(), database.user(),
                database.password()); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read: " + sql, e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime timestamp = rs.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void close() {
        database.close();
    }
}
