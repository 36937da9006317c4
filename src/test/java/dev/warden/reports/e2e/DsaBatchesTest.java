package dev.warden.reports.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.DsaSimulator;
import dev.warden.testkit.DsaSimulator.Call;

/**
 * Statements of reasons through {@code POST /v1/reports} to the real {@code dsa-transparency} adapter and a
 * {@link DsaSimulator}, in batches: partner {@code dsa-batching} lingers 30 s, so a burst of reports through the API
 * goes in full batches of 100 and the rest in one call after the linger.
 */
@QuarkusTest
class DsaBatchesTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private DsaSimulator dsa;

    @BeforeEach
    void partner() {
        dsa = DsaWire.simulator(DsaWire.BATCHING);
    }

    @Test
    void twoHundredFiftyStatementsGoInThreeCallsOfOneHundredOneHundredAndFiftyAndAreAllAccepted() throws Exception {
        List<String> puids = DsaWire.puids(250);

        Map<String, String> reports = DsaWire.createAll(DsaWire.BATCHING, puids);

        awaitEnded(reports.values(), 250);
        List<Call> calls = callsWith(puids);
        assertThat(calls).extracting(call -> call.puids().size()).containsExactly(100, 100, 50);
        assertThat(calls).extracting(Call::status).containsOnly(201);
        assertThat(timesSent(calls)).as("calls per puid").hasSize(250).containsOnlyKeys(puids)
                .allSatisfy((puid, times) -> assertThat(times).as(puid).isEqualTo(1));
        assertThat(dsa.storedPuids()).containsExactlyInAnyOrderElementsOf(puids);
        assertThat(dsa.overlappingPuids()).isEmpty();
        Map<String, String> uuidByPuid = echoedUuids(calls);
        Map<String, Integer> batchOf = new HashMap<>();
        calls.forEach(call -> call.puids().forEach(puid -> batchOf.put(puid, call.puids().size())));
        for (String puid : puids) {
            JsonPath report = DsaWire.report(reports.get(puid));
            assertThat(report.getString("status")).as(puid).isEqualTo("accepted");
            assertThat(report.getString("acceptance")).as(puid).isEqualTo("created");
            assertThat(report.getString("partnerKey")).isEqualTo(puid);
            assertThat(report.getString("partnerRefs.uuid")).as("the uuid the partner gave " + puid)
                    .isEqualTo(uuidByPuid.get(puid));
            assertThat(report.getString("partnerRefs.permalink")).endsWith("/statement/" + uuidByPuid.get(puid));
            assertThat(DsaWire.attempts(report)).containsExactly("submit-batch/ok");
            assertThat(report.getInt("attempts[0].batchSize")).isEqualTo(batchOf.get(puid));
            assertThat(report.getInt("attempts[0].httpStatus")).isEqualTo(201);
            assertThat(report.getString("nextAttemptAt")).isNull();
        }
    }

    @Test
    void aBatchOfOneHundredWithOneInvalidStatementFailsThatReportWithThePartnersMessageAndAcceptsTheOthers()
            throws Exception {
        List<String> puids = DsaWire.puids(100);
        String bad = puids.get(37);
        dsa.invalid(bad, "decision_ground", "The selected decision ground is invalid.");

        Map<String, String> reports = DsaWire.createAll(DsaWire.BATCHING, puids);

        awaitEnded(reports.values(), 100);
        List<Call> calls = callsWith(puids);
        assertThat(calls).extracting(call -> call.puids().size()).containsExactly(100, 99);
        assertThat(calls).extracting(Call::status).containsExactly(422, 201);
        assertThat(calls.get(0).response().path("errors").fieldNames()).toIterable().hasSize(1);
        assertThat(calls.get(1).puids()).doesNotContain(bad);
        assertThat(dsa.storedPuids()).hasSize(99).doesNotContain(bad).doesNotHaveDuplicates();

        JsonPath failed = DsaWire.report(reports.get(bad));
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("acceptance")).isNull();
        assertThat(failed.getString("lastError.message"))
                .isEqualTo("decisionGround: The selected decision ground is invalid.");
        assertThat(failed.getInt("lastError.httpStatus")).isEqualTo(422);
        assertThat(DsaWire.attempts(failed)).containsExactly("submit-batch/rejected");
        assertThat(failed.getInt("attempts[0].batchSize")).isEqualTo(100);
        assertThat(failed.getString("attempts[0].message"))
                .isEqualTo("decisionGround: The selected decision ground is invalid.");
        for (String puid : puids) {
            if (!puid.equals(bad)) {
                JsonPath report = DsaWire.report(reports.get(puid));
                assertThat(report.getString("status")).as(puid).isEqualTo("accepted");
                assertThat(report.getString("acceptance")).as(puid).isEqualTo("created");
                assertThat(DsaWire.attempts(report)).as(puid).containsExactly("submit-batch/retry", "submit-batch/ok");
                assertThat(report.getList("attempts.batchSize", Integer.class)).containsExactly(100, 99);
                assertThat(report.getString("lastError")).isNull();
            }
        }
    }

    @Test
    void aRefusalThatNamesNoStatementIsBisectedDownToTheBadOne() throws Exception {
        List<String> puids = DsaWire.puids(16);
        String bad = puids.get(11);
        dsa.rejectedWithoutIndexes(bad);

        Map<String, String> reports = DsaWire.createAll(DsaWire.BATCHING, puids);

        awaitEnded(reports.values(), 16);
        List<Call> calls = callsWith(puids);
        // Halving 16 down to 1 refuses the calls holding the bad one (16, 8, 4, 2, 1); each good half goes once.
        assertThat(calls).filteredOn(call -> call.puids().contains(bad)).extracting(call -> call.puids().size())
                .containsExactly(16, 8, 4, 2, 1);
        assertThat(calls).filteredOn(call -> call.puids().contains(bad)).extracting(Call::status).containsOnly(422);
        assertThat(calls).filteredOn(call -> !call.puids().contains(bad)).extracting(Call::status)
                .containsOnly(201);
        assertThat(calls).hasSize(9);
        assertThat(dsa.storedPuids()).hasSize(15).doesNotContain(bad).doesNotHaveDuplicates();
        assertThat(dsa.overlappingPuids()).isEmpty();

        JsonPath failed = DsaWire.report(reports.get(bad));
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("lastError.message")).contains("422").contains("The given data was invalid.");
        assertThat(DsaWire.attempts(failed)).containsExactly("submit-batch/retry", "submit-batch/retry",
                "submit-batch/retry", "submit-batch/retry", "submit-batch/rejected");
        assertThat(failed.getString("attempts[0].message")).contains("split in halves");
        for (String puid : puids) {
            if (!puid.equals(bad)) {
                assertThat(DsaWire.status(reports.get(puid))).as(puid).isEqualTo("accepted");
            }
        }
    }

    /** Every report of this test ended (accepted or failed), by the database: one query per poll, not n GETs. */
    private static void awaitEnded(java.util.Collection<String> ids, int count) {
        String list = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> TestDatabase.queryOne(Long.class,
                "select count(*) from report where id::text in (" + list + ") and status in ('accepted', 'failed')")
                == count);
    }

    /** The calls that carried any of these puids, in the order they arrived. */
    private List<Call> callsWith(List<String> puids) {
        Set<String> ours = Set.copyOf(puids);
        return dsa.calls().stream().filter(call -> call.puids().stream().anyMatch(ours::contains)).toList();
    }

    private static Map<String, Long> timesSent(List<Call> calls) {
        List<String> sent = new ArrayList<>();
        calls.forEach(call -> sent.addAll(call.puids()));
        return sent.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<String, String> echoedUuids(List<Call> calls) {
        Map<String, String> uuids = new HashMap<>();
        for (Call call : calls) {
            for (JsonNode statement : call.response().path("statements")) {
                uuids.put(statement.path("puid").asText(), statement.path("uuid").asText());
            }
        }
        return uuids;
    }
}
