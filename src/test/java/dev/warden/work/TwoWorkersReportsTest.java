package dev.warden.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.warden.persistence.TestDatabase;
import dev.warden.reports.e2e.DsaWire;
import dev.warden.testkit.DsaSimulator;
import dev.warden.testkit.DsaSimulator.Call;
import dev.warden.testkit.OutboxWorkerOff;

/**
 * Two outbox workers in one JVM (as two Warden processes on one database would run them) deliver 1,000 statements
 * of reasons created through {@code POST /v1/reports} to the real {@code dsa-transparency} adapter and a
 * {@link DsaSimulator} that remembers what it stored: each puid is stored exactly once, none is a duplicate, and no
 * puid is ever in two calls in flight at once. Warden's own worker is off: the reports wait until both workers
 * start; the partner's first two calls are 503s, so some rows go round again and are regrouped.
 */
@QuarkusTest
@TestProfile(OutboxWorkerOff.class)
class TwoWorkersReportsTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int REPORTS = 1000;

    @Inject
    Outbox outbox;
    @Inject
    WorkHandlers handlers;
    @Inject
    @Any
    Instance<DestinationLimits> limits;
    @Inject
    OutboxMetrics metrics;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    private final List<OutboxWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(worker -> worker.stop().await().atMost(Duration.ofSeconds(30)));
    }

    @Test
    void twoWorkersDeliverAThousandReportsEachStoredExactlyOnce() throws Exception {
        DsaSimulator dsa = DsaWire.simulator(DsaWire.DSA);
        dsa.failNext(DsaSimulator.unavailable(), DsaSimulator.unavailable());
        List<String> puids = DsaWire.puids(REPORTS);
        Map<String, String> reports = DsaWire.createAll(DsaWire.DSA, puids);
        String ids = reports.values().stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertThat(count("select count(*) from report where id::text in (" + ids + ") and status = 'queued'"))
                .as("nothing delivered before the workers start").isEqualTo(REPORTS);
        assertThat(dsa.calls()).isEmpty();

        OutboxWorker first = worker();
        OutboxWorker second = worker();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> count(
                "select count(*) from report where id::text in (" + ids + ") and status not in ('queued',"
                        + " 'in_progress')") == REPORTS);
        assertThat(count("select count(*) from report where id::text in (" + ids + ") and status = 'accepted'"
                + " and acceptance = 'created'")).as("accepted as created, none accepted-duplicate").isEqualTo(REPORTS);
        List<Call> calls = dsa.calls();
        Set<String> ours = Set.copyOf(puids);
        List<Call> accepted = calls.stream().filter(call -> call.status() == 201).toList();
        Map<String, Long> stored = dsa.storedPuids().stream().filter(ours::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(stored).as("201 calls per puid").hasSize(REPORTS)
                .allSatisfy((puid, times) -> assertThat(times).as(puid).isEqualTo(1));
        assertThat(calls).extracting(Call::status).as("no duplicate or other refusal").containsOnly(503, 201);
        // At least the scripted two: calls arriving together may both find the scenario in one state (WireMock's
        // scenarios are not atomic), and each 503 only sends its reports round again.
        assertThat(calls).filteredOn(call -> call.status() == 503).hasSizeGreaterThanOrEqualTo(2);
        assertThat(accepted).allSatisfy(call -> assertThat(call.puids().size()).isBetween(1, 100));
        assertThat(dsa.overlappingPuids()).as("puids in two calls in flight at once").isEmpty();
        assertThat(count("select count(*) from report_attempt where report_id::text in (" + ids + ")"
                + " and outcome = 'duplicate'")).isZero();
        assertThat(count("select count(distinct worker) from report_attempt where report_id::text in (" + ids
                + ")")).as("both workers called the partner").isEqualTo(2);
        assertThat(count("select count(*) from report_attempt where report_id::text in (" + ids + ")"
                + " and worker not in ('" + first.id() + "', '" + second.id() + "')")).isZero();
    }

    private OutboxWorker worker() {
        OutboxWorker worker = new OutboxWorker(outbox, handlers, new EveryDestinationLimit(limits),
                TestOutboxSettings.fast().withLease(Duration.ofSeconds(60)), metrics, pool, vertx,
                OutboxProcess.workerId());
        workers.add(worker);
        worker.start();
        return worker;
    }

    private static long count(String sql) throws Exception {
        return TestDatabase.queryOne(Long.class, sql);
    }
}
