package dev.warden.persistence;

import static dev.warden.persistence.TimedRequests.assertUnavailableInTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TimedRequests.Timed;

/**
 * A table locked by someone else: callers get a prompt 503 instead of queueing behind the lock, and Warden serves
 * again as soon as the lock is gone.
 */
@QuarkusTest
class LockedDatabaseTest {

    @Test
    void aLockedTableIsA503InTimeAndServedAgainOnceReleased() throws Exception {
        Timed stored = TimedRequests.moderate(null);
        assertThat(stored.response().statusCode()).isEqualTo(200);
        String storedPath = "/v1/moderations/" + stored.id();
        String key = UUID.randomUUID().toString();

        try (Connection locker = TestDatabase.connect(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("lock table moderation in access exclusive mode");
            try {
                assertUnavailableInTime(TimedRequests.moderate(null));
                assertUnavailableInTime(TimedRequests.moderate(key));
                assertUnavailableInTime(TimedRequests.get(storedPath));
            } finally {
                locker.rollback();
            }
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TimedRequests.moderate(null).response().statusCode() == 200);
        assertThat(TimedRequests.get(storedPath).response().statusCode()).isEqualTo(200);
        // The flow that failed on the lock released its claim: a retry with the key is answered afresh.
        Timed retried = TimedRequests.moderate(key);
        assertThat(retried.response().statusCode()).isEqualTo(200);
        assertThat(retried.response().headers().firstValue("Idempotent-Replayed")).contains("false");
    }
}
