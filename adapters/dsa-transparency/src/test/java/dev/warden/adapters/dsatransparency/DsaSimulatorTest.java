package dev.warden.adapters.dsatransparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.Existence;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.testkit.DsaSimulator;

/** The adapter against the {@link DsaSimulator} the delivery tests use: both must behave like the partner. */
class DsaSimulatorTest extends DsaTestPartner {

    private DsaSimulator dsa;

    @BeforeEach
    void startSimulator() {
        dsa = DsaSimulator.at(baseUrl(), TOKEN).start();
    }

    @Test
    void aFullBatchIsStoredAndEchoedSortedAndOutOfOrder() {
        List<OutgoingReport> batch = reports("full", 100);
        ((ObjectNode) batch.get(0).content()).putArray("territorialScope")
                .add("FR").add("AT").add("FR");

        BatchAnswer answer = await(adapter().submit(batch));

        assertThat(answer).isInstanceOfSatisfying(BatchAnswer.Accepted.class, accepted -> {
            assertThat(accepted.refsByKey()).hasSize(100);
            assertThat(accepted.refsByKey().get("full-0")).containsKeys("uuid", "permalink", "self");
        });
        DsaSimulator.Call call = dsa.calls().get(0);
        JsonNode echo = call.response().get("statements");
        assertThat(echo.get(0).get("puid").asText()).isEqualTo("full-99");
        assertThat(echo.get(99).get("territorial_scope").toString()).isEqualTo("[\"AT\",\"FR\"]");
        assertThat(call.statements().get(0).get("territorial_scope").toString()).isEqualTo("[\"FR\",\"AT\",\"FR\"]");
        assertThat(dsa.storedPuids()).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void aStatementSentAgainIsADuplicateNothingOfTheCallIsStoredAndItExists() {
        await(adapter().submit(List.of(report("a"), report("b"))));

        BatchAnswer again = await(adapter().submit(List.of(report("c"), report("a"))));

        assertThat(again).isInstanceOfSatisfying(BatchAnswer.Duplicates.class,
                duplicates -> assertThat(duplicates.keys()).containsExactly("a"));
        assertThat(dsa.storedPuids()).containsExactly("a", "b");
        assertThat(await(adapter().exists("a"))).isInstanceOf(Existence.Exists.class);
        assertThat(await(adapter().exists("c"))).isInstanceOf(Existence.Missing.class);
        assertThat(dsa.existingPuidChecks("a")).isEqualTo(1);
        assertThat(dsa.trapHits()).isZero();
    }

    @Test
    void anInvalidItemIsNamedByItsIndexInEachCall() {
        dsa.invalid("bad-7", "decision_ground", "The selected decision ground is invalid.");

        BatchAnswer whole = await(adapter().submit(reports("bad", 10)));
        BatchAnswer half = await(adapter().submit(reports("bad", 10).subList(5, 10)));

        assertThat(whole).isInstanceOfSatisfying(BatchAnswer.ItemsInvalid.class, invalid -> assertThat(
                invalid.messageByIndex()).containsExactly(
                        Map.entry(7, "decisionGround: The selected decision ground is invalid.")));
        assertThat(half).isInstanceOfSatisfying(BatchAnswer.ItemsInvalid.class,
                invalid -> assertThat(invalid.messageByIndex()).containsOnlyKeys(2));
        assertThat(dsa.storedPuids()).isEmpty();
    }

    @Test
    void aRefusalWithoutIndexesIsRejected() {
        dsa.rejectedWithoutIndexes("bad-3");

        assertThat(await(adapter().submit(reports("bad", 5)))).isInstanceOf(BatchAnswer.Rejected.class);
        assertThat(await(adapter().submit(reports("bad", 3)))).isInstanceOf(BatchAnswer.Accepted.class);
    }

    @Test
    void knownPuidsExistAndPhantomsAreDuplicatesThePartnerDoesNotHold() {
        dsa.known("old-1").phantom("ghost-1");

        assertThat(await(adapter().submit(List.of(report("old-1"))))).isInstanceOf(BatchAnswer.Duplicates.class);
        assertThat(await(adapter().submit(List.of(report("ghost-1"))))).isInstanceOf(BatchAnswer.Duplicates.class);
        assertThat(await(adapter().exists("old-1"))).isInstanceOf(Existence.Exists.class);
        assertThat(await(adapter().exists("ghost-1"))).isInstanceOf(Existence.Missing.class);
    }

    @Test
    void failuresAreAnsweredFirstThenThePartnerAgain() {
        dsa.failNext(DsaSimulator.unavailable(), DsaSimulator.rateLimited(2));

        assertThat(failure(adapter().submit(List.of(report("f")))).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure(adapter().submit(List.of(report("f")))).retryAfter()).hasValue(Duration.ofSeconds(2));
        assertThat(await(adapter().submit(List.of(report("f"))))).isInstanceOf(BatchAnswer.Accepted.class);
        assertThat(dsa.calls()).extracting(DsaSimulator.Call::status).containsExactly(503, 429, 201);
    }

    @Test
    void aCallTheClientTimedOutWasStoredSoItsRetryIsADuplicateThatExists() {
        dsa.failNext(dsa.slow(Duration.ofSeconds(2)));
        DsaTransparencyAdapter impatient = adapter(Map.of(), Duration.ofMillis(500));

        assertThat(failure(impatient.submit(List.of(report("t")))).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(await(adapter().submit(List.of(report("t"))))).isInstanceOf(BatchAnswer.Duplicates.class);
        assertThat(await(adapter().exists("t"))).isInstanceOf(Existence.Exists.class);
    }

    @Test
    void overlappingCallsWithOnePuidAreSeen() {
        dsa.failNext(dsa.slow(Duration.ofSeconds(1)));

        Uni<BatchAnswer> first = adapter().submit(List.of(report("o"), report("p")));
        first.subscribe().with(answer -> { }, failure -> { });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dsa.calls().size() == 1);
        BatchAnswer second = await(adapter().submit(List.of(report("o"))));

        assertThat(second).isInstanceOf(BatchAnswer.Duplicates.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dsa.overlappingPuids())
                .containsExactly("o"));
    }

    @Test
    void withoutItsTokenTheCallIsRefused() {
        assertThat(failure(adapter(Map.of("token", "8|someoneElse")).submit(List.of(report("x")))).kind())
                .isEqualTo(Kind.AUTH);
        assertThat(dsa.storedPuids()).isEmpty();
    }

    @Test
    void aResetForgetsWhatWasStored() {
        await(adapter().submit(List.of(report("r"))));

        dsa.reset();

        assertThat(dsa.calls()).isEmpty();
        assertThat(await(adapter().submit(List.of(report("r"))))).isInstanceOf(BatchAnswer.Accepted.class);
    }
}
