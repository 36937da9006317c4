package dev.warden.reports.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.warden.testkit.DsaSimulator;
import dev.warden.testkit.DsaSimulator.Call;

/**
 * One statement of reasons at a time through {@code POST /v1/reports} to the real {@code dsa-transparency} adapter
 * (partner {@code dsa}) and a {@link DsaSimulator}: duplicates, outages and rate limits, as {@code GET
 * /v1/reports/{id}} shows them.
 */
@QuarkusTest
class DsaDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** What the outbox adds to a retry's delay: its poll (1 s in tests), a claim and a loaded machine. */
    private static final Duration SLACK = Duration.ofMillis(2500);

    private DsaSimulator dsa;

    @BeforeEach
    void partner() {
        dsa = DsaWire.simulator(DsaWire.DSA);
    }

    @Test
    void aDuplicatePuidIsSubmittedAsAcceptedDuplicateThenAcceptedOnceExistingPuidAnswers302() {
        String puid = DsaWire.puids(1).get(0);
        dsa.known(puid);
        // existing-puid is backed by a search index (partners.md §2.2): this one takes 3 s to answer its 302, so the
        // report is seen submitted on any machine. The Location (the real API sends none) leads to the trap.
        StubMapping slowCheck = DsaWire.admin(DsaWire.DSA).register(get(urlEqualTo(
                "/dsa" + DsaSimulator.EXISTING_PUID + puid)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + DsaWire.DSA_TOKEN))
                .withHeader("Accept", containing("application/json"))
                .willReturn(aResponse().withFixedDelay(3000).withStatus(302)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Location", "/dsa" + DsaSimulator.TRAP)
                        .withBody("{\"message\":\"statement of reason found\",\"puid\":\"" + puid + "\"}")));
        try {
            String id = DsaWire.create(DsaWire.DSA, puid);

            await().atMost(WAIT).until(() -> !List.of("queued", "in_progress").contains(DsaWire.status(id)));
            JsonPath submitted = DsaWire.report(id);
            assertThat(submitted.getString("status")).isEqualTo("submitted");
            assertThat(submitted.getString("acceptance")).isEqualTo("accepted-duplicate");
            assertThat(submitted.getString("submittedAt")).isNotNull();
            assertThat(submitted.getString("acceptedAt")).isNull();
            assertThat(DsaWire.attempts(submitted)).startsWith("submit-batch/duplicate");
            assertThat(submitted.getInt("attempts[0].httpStatus")).isEqualTo(422);
            assertThat(submitted.getString("attempts[0].message")).contains("not unique");

            await().atMost(WAIT).until(() -> "accepted".equals(DsaWire.status(id)));
            JsonPath report = DsaWire.report(id);
            assertThat(report.getString("acceptance")).isEqualTo("accepted-duplicate");
            assertThat(DsaWire.attempts(report)).containsExactly("submit-batch/duplicate", "existing-puid/ok");
            assertThat(report.getInt("attempts[1].httpStatus")).isEqualTo(302);
            assertThat(report.getString("acceptedAt")).isNotNull();
            assertThat(report.getString("lastError")).isNull();
            assertThat(dsa.existingPuidChecks(puid)).isEqualTo(1);
            assertThat(dsa.trapHits()).as("requests that followed the 302's Location").isZero();
            assertThat(dsa.calls()).singleElement().satisfies(call -> {
                assertThat(call.puids()).containsExactly(puid);
                assertThat(call.status()).isEqualTo(422);
            });
            assertThat(dsa.storedPuids()).isEmpty();
        } finally {
            DsaWire.admin(DsaWire.DSA).removeStubMapping(slowCheck);
        }
    }

    @Test
    void anOutageIsRetriedWithinADoublingCurveAndTheStatementIsStoredOnceWhenThePartnerIsBack() {
        int down = 4;
        dsa.failNext(DsaSimulator.unavailable(), DsaSimulator.unavailable(), DsaSimulator.unavailable(),
                DsaSimulator.unavailable());
        String puid = DsaWire.puids(1).get(0);

        String id = DsaWire.create(DsaWire.DSA, puid);

        await().atMost(WAIT).until(() -> "accepted".equals(DsaWire.status(id)));
        JsonPath report = DsaWire.report(id);
        assertThat(report.getString("acceptance")).isEqualTo("created");
        assertThat(DsaWire.attempts(report)).containsExactly("submit-batch/retry", "submit-batch/retry",
                "submit-batch/retry", "submit-batch/retry", "submit-batch/ok");
        assertThat(report.getList("attempts.httpStatus", Integer.class)).containsExactly(503, 503, 503, 503, 201);
        assertThat(report.getString("attempts[0].message")).contains("answered 503");
        List<Call> calls = dsa.calls();
        assertThat(calls).extracting(Call::status).containsExactly(503, 503, 503, 503, 201);
        assertThat(calls).allSatisfy(call -> assertThat(call.puids()).containsExactly(puid));
        assertThat(dsa.storedPuids()).as("accepted submissions").containsExactly(puid);
        // Full jitter: the gap after failure n is random up to 1 s × 2^(n-1) (warden.outbox.initial-backoff), so
        // the room grows with each failure; the outbox's own test checks the spread statistically.
        List<Duration> gaps = gaps(calls);
        for (int n = 1; n <= down; n++) {
            Duration ceiling = Duration.ofSeconds(1L << (n - 1));
            assertThat(gaps.get(n - 1)).as("gap after failure %d (ceiling %s)", n, ceiling)
                    .isLessThanOrEqualTo(ceiling.plus(SLACK));
        }
    }

    @Test
    void aRateLimitWithAPlainTextBodyBacksOffAtLeastAsLongAsThePartnerAsks() {
        dsa.failNext(DsaSimulator.rateLimited(null), DsaSimulator.rateLimited(3));
        String puid = DsaWire.puids(1).get(0);

        String id = DsaWire.create(DsaWire.DSA, puid);

        await().atMost(WAIT).until(() -> "accepted".equals(DsaWire.status(id)));
        JsonPath report = DsaWire.report(id);
        assertThat(DsaWire.attempts(report)).containsExactly("submit-batch/retry", "submit-batch/retry",
                "submit-batch/ok");
        assertThat(report.getList("attempts.httpStatus", Integer.class)).containsExactly(429, 429, 201);
        assertThat(report.getList("attempts.message", String.class).subList(0, 2)).allSatisfy(message -> assertThat(
                message).isEqualTo("EU DSA Transparency Database answered 429: " + DsaSimulator.RATE_LIMIT_TEXT));
        List<Call> calls = dsa.calls();
        assertThat(calls).extracting(Call::status).containsExactly(429, 429, 201);
        List<Duration> gaps = gaps(calls);
        assertThat(gaps.get(0)).as("after a 429 without Retry-After: the curve's first step")
                .isLessThanOrEqualTo(Duration.ofSeconds(1).plus(SLACK));
        assertThat(gaps.get(1)).as("after a 429 with Retry-After: 3").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(dsa.storedPuids()).containsExactly(puid);
    }

    /** From each call's answer to the next call's arrival. */
    private static List<Duration> gaps(List<Call> calls) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < calls.size(); i++) {
            gaps.add(Duration.between(calls.get(i - 1).answeredAt(), calls.get(i).arrivedAt()));
        }
        return gaps;
    }
}
