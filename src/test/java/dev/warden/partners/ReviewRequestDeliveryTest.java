package dev.warden.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.ReviewDeskResource;
import dev.warden.testkit.WardenApi;

/**
 * How a desk's answers to a review request are judged by the outbox: 5xx and 429 are retried (429's
 * {@code Retry-After} honoured) with the same {@code webhook-id}, each attempt signed afresh; 410 stops the request.
 */
@QuarkusTest
class ReviewRequestDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Desk desk = new Desk();

    @Test
    void aFailingDeskIsRetriedWithTheSameWebhookIdUntilItTakesTheRequest() throws Exception {
        desk.answers(aResponse().withStatus(503), aResponse().withStatus(429).withHeader("Retry-After", "1"),
                aResponse().withStatus(202));

        UUID id = requested();

        await().atMost(WAIT).until(() -> "delivered".equals(status(id)));
        List<LoggedRequest> attempts = desk.requests();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(request -> request.getHeader("webhook-id")).containsOnly(
                "msg_" + TestDatabase.queryOne(UUID.class, "select id from outbox where subject_id = ?"
                        + " and kind = 'review-request'", id));
        for (LoggedRequest attempt : attempts) {
            assertThat(ReviewRequestTest.verifies(Desk.SIGNING_SECRET, attempt)).isTrue();
        }
        assertThat(TestDatabase.queryOne(String.class, "select string_agg(http_status::text, ',' order by number)"
                + " from outbox_attempt a join outbox o on o.id = a.outbox_id where o.subject_id = ?"
                + " and o.kind = 'review-request'", id)).isEqualTo("503,429,202");
    }

    @Test
    void aDeskAnswering410StopsTheRequestAndKeepsItsContentForAReplay() throws Exception {
        desk.answers(aResponse().withStatus(410));

        UUID id = requested();

        await().atMost(WAIT).until(() -> "stopped".equals(status(id)));
        assertThat(desk.requests()).hasSize(1);
        assertThat(TestDatabase.queryOne(String.class, "select payload #>> '{event,data,content,0,text}' from outbox"
                + " where subject_id = ? and kind = 'review-request'", id)).isEqualTo(Desk.INSULT);
    }

    @Test
    void aDisabledDeskIsNotCalledAndItsRequestsWait() throws Exception {
        UUID id = WardenApi.moderations().createModeration(desk.request(Desk.INSULT, "reviewed-closed"), null)
                .getId();

        await().atMost(WAIT).until(() -> TestDatabase.queryOne(Integer.class, "select attempts from outbox"
                + " where kind = 'review-request' and subject_id = ?", id) >= 1);
        assertThat(status(id)).isEqualTo("pending");
        assertThat(TestDatabase.queryOne(String.class, "select last_error from outbox where kind = 'review-request'"
                + " and subject_id = ?", id)).isEqualTo("review desk 'closed-desk' is disabled");
        assertThat(ReviewDeskResource.server().findAll(postRequestedFor(urlEqualTo("/closed-desk/requests"))))
                .isEmpty();
    }

    private UUID requested() throws Exception {
        return WardenApi.moderations().createModeration(desk.request(Desk.INSULT, Desk.REVIEWED), null).getId();
    }

    private static String status(UUID moderationId) throws Exception {
        return TestDatabase.queryOne(String.class, "select status from outbox where kind = 'review-request'"
                + " and subject_id = ?", moderationId);
    }
}
