package dev.warden.moderation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

import dev.warden.persistence.TestDatabase;
import dev.warden.work.WorkItem;

/** The outbox rows async moderations queue, read behind Warden's back, as the outbox worker would lease them. */
final class AsyncJobs {

    private AsyncJobs() {
    }

    /** The job row of a moderation, as a first attempt of it. */
    static WorkItem jobOf(UUID moderationId) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("select id, kind, destination,"
                        + " payload::text, created_at from outbox where kind = 'moderation' and subject_id = ?")) {
            statement.setObject(1, moderationId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no job queued for moderation " + moderationId);
                }
                return new WorkItem(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        Optional.of(moderationId), new JsonObject(row.getString(4)), 1,
                        row.getObject(5, OffsetDateTime.class).toInstant());
            }
        }
    }

    static int rows(String kind, UUID moderationId) throws SQLException {
        return TestDatabase.queryOne(Long.class, "select count(*) from outbox where kind = ? and subject_id = ?", kind,
                moderationId).intValue();
    }

    /** The payload of the callback row a moderation queued. */
    static String callbackPayload(UUID moderationId) throws SQLException {
        return TestDatabase.queryOne(String.class, "select payload::text from outbox where kind = 'callback' and"
                + " subject_id = ?", moderationId);
    }

    static String column(String column, UUID moderationId) throws SQLException {
        return TestDatabase.queryOne(String.class, "select " + column + "::text from moderation where id = ?",
                moderationId);
    }
}
