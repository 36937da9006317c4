package dev.warden.webhooks.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TestDatabase;

/**
 * Outcomes are written only by the attempt that holds the event's outbox row: an attempt whose lease was taken over
 * (the row claimed again since), or whose row a replay replaced, changes nothing, and an ended event stays ended.
 * The rows are written behind Warden's back and due tomorrow, so its own worker leaves them alone until a replay.
 */
@QuarkusTest
class InboxFencingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    WebhookInbox inbox;

    @Test
    void aStaleAttemptCannotOverwriteTheOutcomeOfALaterOne() throws Exception {
        UUID event = UUID.randomUUID();
        UUID work = UUID.randomUUID();
        storeClaimed(event, work);

        assertThat(inbox.begin(event, work).await().atMost(WAIT)).hasValueSatisfying(
                stored -> assertThat(stored.attempt()).isEqualTo(1));
        claimAgain(work);

        assertThat(inbox.end(event, work, 1, InboxStatus.FAILED, "stale").await().atMost(WAIT)).isFalse();
        inbox.noteError(event, work, 1, "stale error").await().atMost(WAIT);
        assertThat(column(event, "last_error")).isNull();
        assertThat(column(event, "status")).isEqualTo("received");

        assertThat(inbox.end(event, work, 2, InboxStatus.PROCESSED, null).await().atMost(WAIT)).isTrue();
        assertThat(inbox.end(event, work, 2, InboxStatus.FAILED, "again").await().atMost(WAIT)).isFalse();
        assertThat(column(event, "status")).isEqualTo("processed");
        assertThat(inbox.begin(event, work).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void theRowAReplayReplacedCannotTouchTheEventAnyMore() throws Exception {
        UUID event = UUID.randomUUID();
        UUID work = UUID.randomUUID();
        storeClaimed(event, work);
        assertThat(inbox.end(event, work, 1, InboxStatus.FAILED, "poison").await().atMost(WAIT)).isTrue();

        InboxReplay replay = inbox.replay("fence-tester", event).await().atMost(WAIT);

        assertThat(replay).isInstanceOf(InboxReplay.Replayed.class);
        UUID replacement = TestDatabase.queryOne(UUID.class, "select work_id from webhook_event where id = ?", event);
        assertThat(replacement).isNotEqualTo(work);
        assertThat(TestDatabase.queryOne(String.class, "select destination from outbox where id = ? and subject_id = ?",
                replacement, event)).isEqualTo("webhook:fence-tester");
        assertThat(inbox.begin(event, work).await().atMost(WAIT)).isEmpty();
        assertThat(inbox.end(event, work, 1, InboxStatus.REFUSED, "late").await().atMost(WAIT)).isFalse();
        // The replacement row is due at once, so Warden's worker may be processing it meanwhile: only the late write
        // must be missing.
        assertThat(column(event, "status")).isNotEqualTo("refused");
        assertThat(inbox.replay("another-partner", event).await().atMost(WAIT)).isInstanceOf(InboxReplay.Missing.class);
    }

    /** An event whose outbox row one worker has claimed (attempt 1) and which is due again only tomorrow. */
    private static void storeClaimed(UUID event, UUID work) throws Exception {
        TestDatabase.update("insert into outbox (id, kind, destination, subject_id, status, attempts, next_attempt_at,"
                + " created_at) values (?, 'webhook-event', 'webhook:fence-tester', ?, 'pending', 1,"
                + " now() + interval '1 day', now())", work, event);
        TestDatabase.update("insert into webhook_event (id, partner, event_id, body, received_at, work_id)"
                + " values (?, 'fence-tester', ?, '{}', now(), ?)", event, "msg_" + event, work);
    }

    /** Its lease expired and another worker claimed it: attempt 2. */
    private static void claimAgain(UUID work) throws Exception {
        TestDatabase.update("update outbox set attempts = 2 where id = ?", work);
    }

    private static String column(UUID event, String column) throws Exception {
        return TestDatabase.queryOne(String.class, "select " + column + " from webhook_event where id = ?", event);
    }
}
