package dev.warden.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.OutboxWorkerOff;

/**
 * The outbox worker running rows in groups ({@link ScriptedBatchWork}) and keeping per-destination limits, against
 * real PostgreSQL. Warden's own worker is off: each test builds the workers it needs and names the destinations they
 * know in advance and limit.
 */
@QuarkusTest
@TestProfile(OutboxWorkerOff.class)
class OutboxBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    WorkHandlers handlers;
    @Inject
    OutboxMetrics metrics;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    ScriptedBatchWork script;
    @Inject
    ScriptedWork singles;

    private final List<OutboxWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(worker -> worker.stop().await().atMost(WAIT));
    }

    @Test
    void aFullGroupIsClaimedAsOneAttemptAtOnce() {
        String destination = destination();
        script.group(destination, 100, Duration.ofSeconds(10));
        worker(Map.of(destination, 4));
        Instant queued = Instant.now();

        List<UUID> ids = enqueue(destination, 250, "done");

        awaitDelivered(ids);
        List<ScriptedBatchWork.Group> groups = script.groups(destination);
        assertThat(groups).extracting(group -> group.rows().size()).containsExactly(100, 100, 50);
        assertThat(Duration.between(queued, groups.get(1).startedAt()))
                .as("the full groups do not wait for the linger").isLessThan(Duration.ofSeconds(8));
        assertThat(Duration.between(queued, groups.get(2).startedAt()))
                .as("the rest waits for the linger").isGreaterThanOrEqualTo(Duration.ofMillis(9500));
        assertThat(groups.stream().flatMap(group -> group.rows().stream()))
                .containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(script.groupsOf(id)).isEqualTo(1));
    }

    @Test
    void aPartialGroupWaitsForItsLingerThenGoesAlone() {
        String destination = destination();
        Duration linger = Duration.ofSeconds(2);
        script.group(destination, 100, linger);
        worker(Map.of(destination, 4));
        Instant queued = Instant.now();

        List<UUID> ids = enqueue(destination, 3, "done");

        awaitDelivered(ids);
        assertThat(script.groups(destination)).singleElement().satisfies(group -> {
            assertThat(group.rows()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(Duration.between(queued, group.startedAt())).isGreaterThanOrEqualTo(linger.minusMillis(300));
        });
    }

    @Test
    void eachRowOfAGroupGetsItsOwnOutcome() {
        String destination = destination();
        script.group(destination, 3, Duration.ZERO);
        worker(Map.of(destination, 4));

        List<UUID> ids = outbox.enqueueAll(List.of(ScriptedBatchWork.work(destination, "done"),
                ScriptedBatchWork.work(destination, "stop:422"),
                ScriptedBatchWork.work(destination, "retry:503", "done"))).await().atMost(WAIT);

        Delivery done = awaitStatus(ids.get(0), DeliveryStatus.DELIVERED);
        Delivery stopped = awaitStatus(ids.get(1), DeliveryStatus.STOPPED);
        Delivery retried = awaitStatus(ids.get(2), DeliveryStatus.DELIVERED);
        assertThat(script.groups(destination).get(0).rows()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(done.attemptLog()).extracting(Delivery.Attempt::outcome).containsExactly("done");
        assertThat(stopped.attemptLog()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("stop");
            assertThat(attempt.httpStatus()).contains(422);
            assertThat(attempt.error()).contains("scripted stop");
        });
        assertThat(retried.attemptLog()).extracting(Delivery.Attempt::outcome).containsExactly("retry", "done");
        assertThat(retried.attemptLog().get(0).httpStatus()).contains(503);
        await().atMost(WAIT).until(() -> !script.abandonedReasons(ids.get(1)).isEmpty());
        assertThat(script.abandonedReasons(ids.get(1))).singleElement().asString().contains("stopped");
        assertThat(script.abandonedReasons(ids.get(0))).isEmpty();
        assertThat(script.abandonedReasons(ids.get(2))).isEmpty();
    }

    @Test
    void aShortResultListRetriesTheWholeGroupAsAnError() {
        String destination = destination();
        script.group(destination, 3, Duration.ZERO);
        worker(Map.of(destination, 4));

        List<UUID> ids = outbox.enqueueAll(List.of(ScriptedBatchWork.work(destination, "short", "done"),
                ScriptedBatchWork.work(destination, "done"), ScriptedBatchWork.work(destination, "done")))
                .await().atMost(WAIT);

        everyRowErredOnceThenWasDelivered(ids, "2 results for 3 rows");
    }

    @Test
    void aFailedGroupRetriesEveryRowWithTheError() {
        String destination = destination();
        script.group(destination, 2, Duration.ZERO);
        worker(Map.of(destination, 4));

        List<UUID> ids = outbox.enqueueAll(List.of(ScriptedBatchWork.work(destination, "fail", "done"),
                ScriptedBatchWork.work(destination, "done"))).await().atMost(WAIT);

        everyRowErredOnceThenWasDelivered(ids, "scripted group failure");
    }

    @Test
    void aGroupOutlivingItsLeaseIsCalledOffAsAWhole() {
        String destination = destination();
        script.group(destination, 2, Duration.ZERO);
        worker(Map.of(destination, 4), TestOutboxSettings.fast().withLease(Duration.ofSeconds(2)));

        List<UUID> ids = outbox.enqueueAll(List.of(ScriptedBatchWork.work(destination, "hang", "done"),
                ScriptedBatchWork.work(destination, "done"))).await().atMost(WAIT);

        for (UUID id : ids) {
            Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
            assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::outcome)
                    .containsExactly("timeout", "done");
            assertThat(delivery.attemptLog().get(0).durationMs()).isBetween(1400L, 2500L);
            assertThat(script.cancelled(id)).isTrue();
        }
    }

    @Test
    void twoWorkersNeverPutARowInTwoGroups() throws Exception {
        String prefix = destination();
        List<String> destinations = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        destinations.forEach(destination -> script.group(destination, 50, Duration.ofMillis(200)));
        Map<String, Integer> limits = Map.of(destinations.get(0), 2, destinations.get(1), 2, destinations.get(2), 2);
        OutboxWorker one = worker(limits);
        OutboxWorker two = worker(limits);

        List<UUID> ids = outbox.enqueueAll(IntStream.range(0, 1000)
                .mapToObj(i -> ScriptedBatchWork.work(destinations.get(i % 3), i % 2 == 0 ? "slow:20" : "done"))
                .toList()).await().atMost(WAIT);

        awaitDelivered(ids);
        for (UUID id : ids) {
            assertThat(script.groupsOf(id)).as("groups of " + id).isEqualTo(1);
            assertThat(script.overlapped(id)).isFalse();
        }
        assertThat(count("select count(*) from outbox where destination like ? and attempts <> 1", prefix + "-%"))
                .isZero();
        assertThat(count("select count(distinct a.worker) from outbox_attempt a join outbox o on o.id = a.outbox_id "
                + "where o.destination like ?", prefix + "-%")).as("both workers took groups").isEqualTo(2);
        assertThat(List.of(one.id(), two.id())).doesNotHaveDuplicates();
        destinations.forEach(destination -> assertThat(script.groups(destination))
                .allSatisfy(group -> assertThat(group.rows()).hasSizeLessThanOrEqualTo(50))
                .anySatisfy(group -> assertThat(group.rows()).hasSize(50)));
    }

    @Test
    void aDestinationLimitBoundsAttemptsNotRows() {
        String destination = destination();
        script.group(destination, 100, Duration.ZERO);
        worker(Map.of(destination, 2));

        List<UUID> ids = enqueue(destination, 600, "slow:300");

        awaitDelivered(ids);
        assertThat(script.mostGroupsInFlight(destination)).isEqualTo(2);
        assertThat(script.mostRowsInFlight(destination)).isGreaterThan(100);
        assertThat(script.groups(destination)).allSatisfy(group -> assertThat(group.rows())
                .hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void aDestinationLimitAppliesBeforeTheDestinationIsBusy() {
        String destination = destination();
        worker(Map.of(destination, 1));

        List<UUID> ids = outbox.enqueueAll(IntStream.range(0, 5)
                .mapToObj(i -> ScriptedWork.work(destination, "slow:200")).toList()).await().atMost(WAIT);

        awaitDelivered(ids);
        assertThat(singles.mostInFlight(destination)).isEqualTo(1);
    }

    @Test
    void aBatchingKindAtADestinationNotKnownInAdvanceGoesOneRowAtATime() {
        String destination = destination();
        script.group(destination, 100, Duration.ofSeconds(30));
        worker(Map.of());

        List<UUID> ids = enqueue(destination, 3, "done");

        awaitDelivered(ids);
        assertThat(script.groups(destination)).hasSize(3)
                .allSatisfy(group -> assertThat(group.rows()).hasSize(1));
    }

    @Test
    void theLeaseTokenFencesAWriteAfterTheLeaseMoved() throws Exception {
        UUID id = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        TestDatabase.update("""
                insert into outbox (id, kind, destination, payload, status, attempts, next_attempt_at, lease_token,
                    lease_owner, lease_until, created_at)
                values (?, ?, ?, '{"steps": ["done"]}'::jsonb, 'pending', 1, now(), ?, 'first',
                    now() + interval '1 hour', now())
                """, id, ScriptedBatchWork.KIND, destination(), first);
        try {
            assertThat(fenceHolds(id, first)).isTrue();
            assertThat(fenceHolds(id, second)).isFalse();

            TestDatabase.update("update outbox set lease_token = ?, lease_owner = 'second' where id = ?", second, id);

            assertThat(fenceHolds(id, first)).as("the first holder lost the row").isFalse();
            assertThat(fenceHolds(id, second)).isTrue();

            TestDatabase.update("update outbox set lease_until = now() - interval '1 second' where id = ?", id);

            assertThat(fenceHolds(id, second)).as("an expired lease holds nothing").isFalse();
        } finally {
            TestDatabase.update("update outbox set status = 'stopped' where id = ?", id);
        }
    }

    private void everyRowErredOnceThenWasDelivered(List<UUID> ids, String error) {
        for (UUID id : ids) {
            Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
            assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::outcome).containsExactly("error", "done");
            assertThat(delivery.attemptLog().get(0).error()).hasValueSatisfying(text -> assertThat(text)
                    .contains(error));
        }
    }

    private boolean fenceHolds(UUID id, UUID token) {
        return pool.preparedQuery("select " + LeaseFence.holds(1, 2) + " as holds").execute(Tuple.of(id, token))
                .await().atMost(WAIT).iterator().next().getBoolean("holds");
    }

    private OutboxWorker worker(Map<String, Integer> limits) {
        return worker(limits, TestOutboxSettings.fast());
    }

    private OutboxWorker worker(Map<String, Integer> limits, OutboxSettings settings) {
        DestinationLimits known = new DestinationLimits() {
            @Override
            public OptionalInt concurrency(String destination) {
                Integer limit = limits.get(destination);
                return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
            }

            @Override
            public Set<String> destinations() {
                return limits.keySet();
            }
        };
        OutboxWorker worker = new OutboxWorker(outbox, handlers, new EveryDestinationLimit(List.of(known)), settings,
                metrics, pool, vertx, OutboxProcess.workerId());
        workers.add(worker);
        worker.start();
        return worker;
    }

    private List<UUID> enqueue(String destination, int rows, String... steps) {
        return outbox.enqueueAll(IntStream.range(0, rows).mapToObj(i -> ScriptedBatchWork.work(destination, steps))
                .toList()).await().atMost(WAIT);
    }

    private void awaitDelivered(List<UUID> ids) {
        Tuple parameters = Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new));
        await().atMost(WAIT).until(() -> pool.preparedQuery(
                "select count(*) from outbox where id = any($1) and status = 'delivered'").execute(parameters)
                .await().atMost(WAIT).iterator().next().getLong(0) == ids.size());
    }

    private Delivery find(UUID id) {
        return outbox.find(id).await().atMost(WAIT).orElseThrow();
    }

    private Delivery awaitStatus(UUID id, DeliveryStatus status) {
        return await().atMost(WAIT).until(() -> find(id), delivery -> delivery.status() == status);
    }

    private static long count(String sql, Object... parameters) throws Exception {
        return TestDatabase.queryOne(Long.class, sql, parameters);
    }

    private static String destination() {
        return "batch:" + UUID.randomUUID().toString().substring(0, 8);
    }
}
