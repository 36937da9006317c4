package dev.warden.api.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.warden.persistence.TestDatabase;

/**
 * Proves the database intact after the fuzz run: every row the run added to {@code moderation}, {@code report},
 * {@code webhook_event} and {@code outbox} belongs to a case Warden accepted (its id came back in a 2xx answer), and
 * every accepted id is stored.
 */
final class DatabaseLedger {

    /** Each table, the column that dates a row, and the column an accepted id is compared with. */
    private static final Map<String, String[]> TABLES = Map.of("moderation", new String[] { "created_at", "id" },
            "report", new String[] { "created_at", "id" }, "webhook_event", new String[] { "received_at", "id" });

    private final OffsetDateTime start;
    private final Set<UUID> accepted = new HashSet<>();

    private DatabaseLedger(OffsetDateTime start) {
        this.start = start;
    }

    static DatabaseLedger open() throws SQLException {
        return new DatabaseLedger(TestDatabase.queryOne(OffsetDateTime.class, "select now()"));
    }

    /** An id from a 2xx answer: a row it names may exist. */
    void accepted(UUID id) {
        accepted.add(id);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Rows added since the start that no accepted case explains, per table (empty when the database is intact). */
    Map<String, Long> unexplainedRows() throws SQLException {
        Map<String, Long> unexplained = new LinkedHashMap<>();
        UUID[] ids = accepted.toArray(UUID[]::new);
        try (Connection connection = TestDatabase.connect()) {
            for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
                long rows = count(connection, "select count(*) from " + table.getKey() + " where "
                        + table.getValue()[0] + " >= ? and not (" + table.getValue()[1] + " = any(?))", ids);
                if (rows > 0) {
                    unexplained.put(table.getKey(), rows);
                }
            }
            // Outbox rows about work that existed before the run (an earlier test's) are the worker's business.
            long outbox = count(connection, """
                    select count(*) from outbox o where o.created_at >= ? and not (o.subject_id = any(?))
                      and not exists (select 1 from moderation m where m.id = o.subject_id and m.created_at < ?1)
                      and not exists (select 1 from report r where r.id = o.subject_id and r.created_at < ?1)
                      and not exists (select 1 from webhook_event w where w.id = o.subject_id and w.received_at < ?1)
                    """.replace("?1", "?"), ids);
            if (outbox > 0) {
                unexplained.put("outbox", outbox);
            }
        }
        return unexplained;
    }

    /** How many accepted ids are stored nowhere. */
    long lostAccepted() throws SQLException {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("""
                select count(*) from unnest(?) as accepted(id)
                 where not exists (select 1 from moderation m where m.id = accepted.id)
                   and not exists (select 1 from report r where r.id = accepted.id)
                   and not exists (select 1 from webhook_event w where w.id = accepted.id)
                """)) {
            statement.setArray(1, connection.createArrayOf("uuid", accepted.toArray(UUID[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long count(Connection connection, String sql, UUID[] ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            statement.setObject(1, start);
            statement.setArray(2, connection.createArrayOf("uuid", ids));
            for (int i = 3; i <= parameters; i++) {
                statement.setObject(i, start);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
