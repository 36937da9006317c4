package dev.warden.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.OutboxWorkerOff;

/**
 * The outbox worker against real PostgreSQL. Warden's own worker is off in this profile: each test builds the
 * workers it needs, with settings that make its point in seconds, and stops them afterwards.
 */
@QuarkusTest
@TestProfile(OutboxWorkerOff.class)
class OutboxWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LISTEN = "LISTEN " + Outbox.CHANNEL;
    private static final String LISTENER_PID = "select pid from pg_stat_activity where query = '" + LISTEN + "'";

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
    ScriptedWork script;
    @Inject
    MeterRegistry registry;

    private final List<OutboxWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(worker -> worker.stop().await().atMost(WAIT));
    }

    @Test
    void deliversARowAndStoresTheAttempt() {
        OutboxWorker worker = worker(TestOutboxSettings.fast());
        UUID id = enqueue(ScriptedWork.work(destination(), "done"));

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);

        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.finishedAt()).isPresent();
        assertThat(delivery.leaseOwner()).isEmpty();
        assertThat(delivery.leaseUntil()).isEmpty();
        assertThat(delivery.lastHttpStatus()).contains(200);
        assertThat(delivery.attemptLog()).singleElement().satisfies(attempt -> {
            assertThat(attempt.number()).isEqualTo(1);
            assertThat(attempt.outcome()).isEqualTo("done");
            assertThat(attempt.httpStatus()).contains(200);
            assertThat(attempt.error()).isEmpty();
            assertThat(attempt.worker()).isEqualTo(worker.id());
            assertThat(attempt.startedAt()).isBefore(delivery.finishedAt().orElseThrow());
        });
        assertThat(script.calls(id)).singleElement()
                .satisfies(call -> assertThat(call.onEventLoop()).as("handlers run on a Vert.x context").isTrue());
    }

    @Test
    void aNotificationWakesTheWorkerLongBeforeItsPoll() throws Exception {
        worker(TestOutboxSettings.fast().withPollInterval(Duration.ofMinutes(10)));
        await().atMost(WAIT).until(() -> listeners() == 1);

        UUID id = enqueue(ScriptedWork.work(destination(), "done"));

        await().atMost(Duration.ofSeconds(10)).until(() -> find(id).status() == DeliveryStatus.DELIVERED);
    }

    @Test
    void aDroppedNotificationConnectionIsReplaced() throws Exception {
        worker(TestOutboxSettings.fast().withPollInterval(Duration.ofMinutes(10)));
        await().atMost(WAIT).until(() -> listeners() == 1);
        Integer before = TestDatabase.queryOne(Integer.class, LISTENER_PID);

        TestDatabase.queryOne(Boolean.class, "select pg_terminate_backend(?)", before);

        await().atMost(WAIT).until(() -> listeners() == 1
                && !before.equals(TestDatabase.queryOne(Integer.class, LISTENER_PID)));
        UUID id = enqueue(ScriptedWork.work(destination(), "done"));
        await().atMost(Duration.ofSeconds(10)).until(() -> find(id).status() == DeliveryStatus.DELIVERED);
    }

    @Test
    void twoWorkersNeverWorkOneRowAtOnceAndDoEveryRowOnce() throws Exception {
        TestOutboxSettings settings = TestOutboxSettings.fast().withBatchSize(10);
        worker(settings);
        worker(settings);
        String prefix = destination();
        List<NewWork> works = IntStream.range(0, 200)
                .mapToObj(i -> ScriptedWork.work(prefix + "-" + (i % 4), i % 2 == 0 ? "slow:5" : "done")).toList();

        List<UUID> ids = outbox.enqueueAll(works).await().atMost(WAIT);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from outbox where destination like ? and status = 'delivered'", prefix + "-%") == 200);
        assertThat(count("select count(*) from outbox where destination like ? and attempts <> 1", prefix + "-%"))
                .isZero();
        assertThat(count("select count(distinct a.worker) from outbox_attempt a join outbox o on o.id = a.outbox_id "
                + "where o.destination like ?", prefix + "-%")).as("both workers took rows").isEqualTo(2);
        for (UUID id : ids) {
            assertThat(script.calls(id)).as("calls of " + id).hasSize(1);
            assertThat(script.overlapped(id)).isFalse();
        }
    }

    @Test
    void aDestinationGetsNoMoreThanItsConcurrencyAndDoesNotHoldUpOthers() throws Exception {
        worker(TestOutboxSettings.fast().withDestinationConcurrency(2));
        String busy = destination();
        List<UUID> slow = outbox.enqueueAll(IntStream.range(0, 8).mapToObj(i -> ScriptedWork.work(busy, "slow:300"))
                .toList()).await().atMost(WAIT);
        UUID other = enqueue(ScriptedWork.work(destination(), "done"));

        await().atMost(WAIT).until(() -> slow.stream().allMatch(id -> find(id).status() == DeliveryStatus.DELIVERED));

        assertThat(script.mostInFlight(busy)).isEqualTo(2);
        Instant lastSlow = slow.stream().map(id -> find(id).finishedAt().orElseThrow()).max(Instant::compareTo)
                .orElseThrow();
        assertThat(find(other).finishedAt()).hasValueSatisfying(done -> assertThat(done).isBefore(lastSlow));
    }

    @Test
    void aBacklogLargerThanTheSlotsDrainsAsSlotsFreeNotAtEachPoll() throws Exception {
        worker(TestOutboxSettings.fast().withPollInterval(Duration.ofMinutes(10)).withDestinationConcurrency(4)
                .withBatchSize(6));
        await().atMost(WAIT).until(() -> listeners() == 1);
        String prefix = destination();
        List<NewWork> works = IntStream.range(0, 150)
                .mapToObj(i -> ScriptedWork.work(prefix + (i < 100 ? "-one" : "-" + i), "done")).toList();

        outbox.enqueueAll(works).await().atMost(WAIT);

        // One notification, then no poll for ten minutes: only freed slots can claim the rest.
        await().atMost(WAIT).until(() -> count(
                "select count(*) from outbox where destination like ? and status = 'delivered'", prefix + "-%") == 150);
    }

    @Test
    void aRowWhoseOwnerDiedIsTakenOverAndTheLostAttemptRecorded() throws Exception {
        UUID id = UUID.randomUUID();
        insertLeased(id, destination(), "ghost", "now() - interval '1 second'");

        OutboxWorker worker = worker(TestOutboxSettings.fast());

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::outcome).containsExactly("lost", "done");
        assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::worker).containsExactly("ghost", worker.id());
    }

    /** What the embedded default does at start-up, where the data directory's lock proves the holder is gone. */
    @Test
    void leasesExpiredAtStartUpAreTakenOverAtOnceInsteadOfAfterTheLease() throws Exception {
        UUID id = UUID.randomUUID();
        insertLeased(id, destination(), "crashed-process", "now() + interval '1 hour'");

        assertThat(outbox.expireLeases().await().atMost(WAIT)).isGreaterThanOrEqualTo(1);
        OutboxWorker worker = worker(TestOutboxSettings.fast());

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
        assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::outcome).containsExactly("lost", "done");
        assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::worker)
                .containsExactly("crashed-process", worker.id());
    }

    @Test
    void aRowLeasedByALiveOwnerIsLeftAlone() throws Exception {
        UUID leased = UUID.randomUUID();
        insertLeased(leased, destination(), "other-process", "now() + interval '1 hour'");
        try {
            worker(TestOutboxSettings.fast());
            UUID later = enqueue(ScriptedWork.work(destination(), "done"));
            awaitStatus(later, DeliveryStatus.DELIVERED);

            Delivery untouched = find(leased);
            assertThat(untouched.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(untouched.attempts()).isEqualTo(1);
            assertThat(untouched.leaseOwner()).contains("other-process");
            assertThat(untouched.attemptLog()).isEmpty();
            assertThat(script.calls(leased)).isEmpty();
        } finally {
            TestDatabase.update("update outbox set status = 'stopped' where id = ?", leased);
        }
    }

    @Test
    void retriesComeAtGrowingRandomGapsWithinTheCurve() {
        Duration initial = Duration.ofMillis(300);
        worker(TestOutboxSettings.fast().withBackoff(initial, Duration.ofSeconds(10))
                .withPollInterval(Duration.ofMillis(50)));
        String destination = destination();
        List<UUID> ids = outbox.enqueueAll(IntStream.range(0, 30)
                .mapToObj(i -> ScriptedWork.work(destination, "retry:503", "retry:503", "retry:503", "done")).toList())
                .await().atMost(WAIT);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> ids.stream().allMatch(id -> find(id).status() == DeliveryStatus.DELIVERED));

        long[][] gaps = new long[ids.size()][];
        for (int row = 0; row < ids.size(); row++) {
            Delivery delivery = find(ids.get(row));
            List<Delivery.Attempt> log = delivery.attemptLog();
            assertThat(log).extracting(Delivery.Attempt::outcome).containsExactly("retry", "retry", "retry", "done");
            assertThat(log.subList(0, 3)).allSatisfy(attempt -> assertThat(attempt.httpStatus()).contains(503));
            assertThat(delivery.lastHttpStatus()).contains(200);
            gaps[row] = IntStream.range(0, 3).mapToLong(n -> gapAfter(log.get(n), log.get(n + 1))).toArray();
        }
        // The ceiling after attempt n is initial × 2^(n-1); polling and a loaded machine add to it, never take away.
        Duration slack = Duration.ofMillis(700);
        for (long[] row : gaps) {
            for (int n = 0; n < 3; n++) {
                assertThat(row[n]).isLessThanOrEqualTo(initial.multipliedBy(1L << n).plus(slack).toMillis());
            }
        }
        double firstMean = IntStream.range(0, gaps.length).mapToLong(row -> gaps[row][0]).average().orElseThrow();
        double thirdMean = IntStream.range(0, gaps.length).mapToLong(row -> gaps[row][2]).average().orElseThrow();
        assertThat(thirdMean).as("mean gap after attempt 3 (ceiling 1200 ms) vs after attempt 1 (300 ms)")
                .isGreaterThan(firstMean + 200);
        long[] thirds = IntStream.range(0, gaps.length).mapToLong(row -> gaps[row][2]).sorted().toArray();
        assertThat(thirds[thirds.length - 1] - thirds[0]).as("full jitter spreads the retries").isGreaterThan(200);
    }

    @Test
    void aRetryAfterIsWaitedEvenWhenTheCurveIsShorter() {
        worker(TestOutboxSettings.fast().withBackoff(Duration.ofMillis(10), Duration.ofMillis(20)));
        UUID id = enqueue(ScriptedWork.work(destination(), "retry-after:1500", "done"));

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);

        List<Delivery.Attempt> log = delivery.attemptLog();
        assertThat(log).extracting(Delivery.Attempt::outcome).containsExactly("retry", "done");
        assertThat(log.get(0).httpStatus()).contains(429);
        assertThat(gapAfter(log.get(0), log.get(1))).isGreaterThanOrEqualTo(1450);
    }

    @Test
    void aRowStillFailingAfterMaxAgeIsDeadLetteredCountedAndAbandoned() {
        Duration maxAge = Duration.ofMillis(1500);
        worker(TestOutboxSettings.fast().withMaxAge(maxAge)
                .withBackoff(Duration.ofMillis(200), Duration.ofMillis(200)));
        String destination = destination();
        UUID id = enqueue(ScriptedWork.work(destination, "retry:503"));

        Delivery dead = awaitStatus(id, DeliveryStatus.DEAD);

        assertThat(dead.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(dead.finishedAt()).isPresent();
        assertThat(dead.lastError()).contains("scripted retry");
        assertThat(dead.lastHttpStatus()).contains(503);
        assertThat(dead.attemptLog()).extracting(Delivery.Attempt::outcome).containsOnly("retry");
        // Each retry was due within max-age; a poll may start the last one a little later, never a retry later.
        assertThat(dead.attemptLog().get(dead.attemptLog().size() - 1).startedAt())
                .isBefore(dead.createdAt().plus(maxAge).plusSeconds(1));
        await().atMost(WAIT).until(() -> !script.abandonedReasons(id).isEmpty());
        assertThat(script.abandonedReasons(id)).singleElement().asString().startsWith("[dead] ")
                .contains("dead-lettered")
                .contains("max-age");
        Counter deadLetters = registry.find("warden.outbox.dead.letters")
                .tags("kind", ScriptedWork.KIND, "destination", destination).counter();
        assertThat(deadLetters).isNotNull();
        assertThat(deadLetters.count()).isEqualTo(1.0);
    }

    @Test
    void aStopEndsTheRowStoppedAndTellsTheHandler() {
        worker(TestOutboxSettings.fast());
        UUID id = enqueue(ScriptedWork.work(destination(), "stop:410"));

        Delivery stopped = awaitStatus(id, DeliveryStatus.STOPPED);

        assertThat(stopped.attempts()).isEqualTo(1);
        assertThat(stopped.lastHttpStatus()).contains(410);
        assertThat(stopped.finishedAt()).isPresent();
        assertThat(stopped.attemptLog()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("stop");
            assertThat(attempt.error()).contains("scripted stop");
        });
        assertThat(script.abandonedReasons(id)).singleElement().asString().startsWith("[stopped] ")
                .contains("stopped");
    }

    @Test
    void aKindWithoutHandlerIsStoppedWithTheReason() {
        worker(TestOutboxSettings.fast());
        UUID id = enqueue(new NewWork("no-such-kind", destination(), null, null));

        Delivery stopped = awaitStatus(id, DeliveryStatus.STOPPED);

        assertThat(stopped.lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("no handler for kind 'no-such-kind'").contains(ScriptedWork.KIND));
        assertThat(stopped.attemptLog()).extracting(Delivery.Attempt::outcome).containsExactly("stop");
    }

    @Test
    void aFailingOrThrowingHandlerIsRetriedWithTheErrorRecorded() {
        worker(TestOutboxSettings.fast());
        UUID id = enqueue(ScriptedWork.work(destination(), "fail", "throw", "done"));

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);

        List<Delivery.Attempt> log = delivery.attemptLog();
        assertThat(log).extracting(Delivery.Attempt::outcome).containsExactly("error", "error", "done");
        assertThat(log.get(0).error()).hasValueSatisfying(error -> assertThat(error).contains("scripted failure"));
        assertThat(log.get(1).error()).hasValueSatisfying(error -> assertThat(error).contains("scripted exception"));
    }

    @Test
    void anAttemptOutlivingItsLeaseIsCalledOffAndRetried() {
        worker(TestOutboxSettings.fast().withLease(Duration.ofSeconds(2)));
        UUID id = enqueue(ScriptedWork.work(destination(), "hang", "slow:200"));

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);

        List<Delivery.Attempt> log = delivery.attemptLog();
        assertThat(log).extracting(Delivery.Attempt::outcome).containsExactly("timeout", "done");
        // A 2 s lease keeps a quarter back: the attempt gets 1.5 s.
        assertThat(log.get(0).durationMs()).isBetween(1400L, 2000L);
        assertThat(log.get(1).durationMs()).isGreaterThanOrEqualTo(200);
        assertThat(script.cancelled(id)).isTrue();
    }

    @Test
    void shutdownLetsShortAttemptsFinishThenReleasesWhatItStillHolds() throws Exception {
        OutboxWorker worker = worker(TestOutboxSettings.fast().withShutdownGrace(Duration.ofSeconds(1)));
        UUID slow = enqueue(ScriptedWork.work(destination(), "slow:300"));
        UUID hanging = enqueue(ScriptedWork.work(destination(), "hang"));
        try {
            await().atMost(WAIT).until(() -> script.running(hanging) && !script.calls(slow).isEmpty());

            worker.stop().await().atMost(WAIT);

            assertThat(find(slow).status()).isEqualTo(DeliveryStatus.DELIVERED);
            Delivery released = find(hanging);
            assertThat(released.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(released.leaseOwner()).isEmpty();
            assertThat(released.leaseUntil()).isEmpty();
            assertThat(released.nextAttemptAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(released.attemptLog()).singleElement().satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo("interrupted");
                assertThat(attempt.durationMs()).isGreaterThanOrEqualTo(900);
            });
            assertThat(script.cancelled(hanging)).isTrue();
        } finally {
            TestDatabase.update("update outbox set status = 'stopped' where id = ?", hanging);
        }
    }

    @Test
    void aReplayedDeadRowIsDeliveredWithItsHistoryKept() throws Exception {
        UUID id = UUID.randomUUID();
        TestDatabase.update("""
                insert into outbox (id, kind, destination, payload, status, attempts, next_attempt_at, created_at,
                    finished_at, last_error)
                values (?, ?, ?, '{"steps": ["retry", "retry", "done"]}'::jsonb, 'dead', 2, now(),
                    now() - interval '4 days', now() - interval '1 day', 'scripted retry')
                """, id, ScriptedWork.KIND, destination());
        TestDatabase.update("""
                insert into outbox_attempt (outbox_id, number, started_at, duration_ms, outcome, error, worker)
                values (?, 1, now() - interval '4 days', 5, 'retry', 'scripted retry', 'old'),
                    (?, 2, now() - interval '1 day', 5, 'retry', 'scripted retry', 'old')
                """, id, id);
        worker(TestOutboxSettings.fast());

        ReplayResult replayed = outbox.replay(id).await().atMost(WAIT);

        assertThat(replayed).isInstanceOfSatisfying(ReplayResult.Replayed.class, result -> {
            assertThat(result.delivery().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(result.delivery().replayedAt()).isPresent();
            assertThat(result.delivery().finishedAt()).isEmpty();
        });
        Delivery delivered = awaitStatus(id, DeliveryStatus.DELIVERED);
        assertThat(delivered.attemptLog()).extracting(Delivery.Attempt::outcome)
                .containsExactly("retry", "retry", "done");
        assertThat(outbox.replay(UUID.randomUUID()).await().atMost(WAIT)).isInstanceOf(ReplayResult.Missing.class);
    }

    @Test
    void aPendingRowIsNotReplayed() throws Exception {
        UUID id = enqueue(ScriptedWork.work(destination(), "done"));

        assertThat(outbox.replay(id).await().atMost(WAIT)).isInstanceOfSatisfying(ReplayResult.StillPending.class,
                result -> assertThat(result.delivery().replayedAt()).isEmpty());
        TestDatabase.update("update outbox set status = 'stopped' where id = ?", id);
    }

    private static long listeners() throws Exception {
        return TestDatabase.queryOne(Long.class, "select count(*) from pg_stat_activity where query = ?", LISTEN);
    }

    private static void insertLeased(UUID id, String destination, String owner, String leaseUntil) throws Exception {
        TestDatabase.update("""
                insert into outbox (id, kind, destination, payload, status, attempts, next_attempt_at, lease_token,
                    lease_owner, lease_until, created_at)
                values (?, ?, ?, '{"steps": ["done"]}'::jsonb, 'pending', 1, now() - interval '1 second', ?, ?,
                """ + leaseUntil + ", now() - interval '1 minute')", id, ScriptedWork.KIND, destination,
                UUID.randomUUID(), owner);
    }

    /** From the end of one attempt to the start of the next, in milliseconds. */
    private static long gapAfter(Delivery.Attempt attempt, Delivery.Attempt next) {
        return Duration.between(attempt.startedAt().plusMillis(attempt.durationMs()), next.startedAt()).toMillis();
    }

    private static long count(String sql, Object... parameters) throws Exception {
        return TestDatabase.queryOne(Long.class, sql, parameters);
    }

    private OutboxWorker worker(OutboxSettings settings) {
        OutboxWorker worker = new OutboxWorker(outbox, handlers, settings, metrics, pool, vertx,
                OutboxProcess.workerId());
        workers.add(worker);
        worker.start();
        return worker;
    }

    private UUID enqueue(NewWork work) {
        return outbox.enqueue(work).await().atMost(WAIT);
    }

    private Delivery find(UUID id) {
        return outbox.find(id).await().atMost(WAIT).orElseThrow();
    }

    private Delivery awaitStatus(UUID id, DeliveryStatus status) {
        return await().atMost(WAIT).until(() -> find(id), delivery -> delivery.status() == status);
    }

    private static String destination() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8);
    }
}
