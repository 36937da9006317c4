package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.warden.embedded.PackagedWarden;
import dev.warden.work.packaged.CallbackReceiver.Arrival;
import dev.warden.work.packaged.SharedDatabase.Attempt;
import dev.warden.work.packaged.SharedDatabase.OutboxRow;

/**
 * Issue 8, point 6, on the packaged jar: two Warden processes on one PostgreSQL deliver 1,000 callbacks to a receiver
 * that fails 30 % of calls, each event received successfully exactly once, none lost, none marked delivered twice,
 * both processes working and never on one row at once; then one process is killed with SIGKILL while the receiver
 * holds its requests, and the other delivers its leased work once the leases expire.
 */
class ScaleOutIT {

    private static final int CALLBACKS = 1_000;
    private static final int AFTER_THE_KILL = 60;
    private static final double FAILURE_RATE = 0.3;
    private static final long SEED = 20261201L;
    /** Parallel submissions: enough to keep both processes busy, few enough for two cores. */
    private static final int SUBMITTERS = 8;
    /** Bounds the wait for the queued work to drain; the drain takes well under a minute when the machine is idle. */
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final String KIND = "callback";
    private static final String DONE = "done";

    @Test
    void twoProcessesDeliverEachCallbackOnceAndTheSurvivorDeliversWhatAKilledOneHeld(@TempDir Path directory)
            throws Exception {
        try (SharedDatabase database = new SharedDatabase(directory);
                CallbackReceiver receiver = new CallbackReceiver(WardenProcesses.CALLBACK_SECRET, FAILURE_RATE, SEED);
                WardenProcesses wardens = new WardenProcesses(database, directory, List.of())) {
            List<PackagedWarden> processes = wardens.start("first", "second");
            List<WardenApi> apis = processes.stream().map(wardens::api).toList();

            Set<String> moderations = submit(apis, CALLBACKS, receiver.url(), "flaky receiver");
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> receiver.deliveredCounts().size() >= CALLBACKS
                            && apis.get(0).deliveries("pending").isEmpty());

            assertEachEventDeliveredExactlyOnce(receiver, moderations);
            assertEachRowDeliveredOnceByOneProcessAtATime(database, receiver, processes, apis.get(1));

            killOneWhileItHoldsLeases(database, receiver, processes.get(0), processes.get(1), apis.get(1));
        }
    }

    private static void assertEachEventDeliveredExactlyOnce(CallbackReceiver receiver, Set<String> moderations) {
        List<Arrival> arrivals = receiver.arrivals();
        assertThat(arrivals).as("every request carried a valid Standard Webhooks signature")
                .allSatisfy(arrival -> assertThat(arrival.answered()).isNotEqualTo(401));
        assertThat(arrivals).as("the receiver failed some, so retries happened")
                .anySatisfy(arrival -> assertThat(arrival.delivered()).isFalse());
        assertThat(receiver.deliveredCounts()).hasSize(CALLBACKS).allSatisfy((id, times) -> assertThat(times)
                .as("successful receipts of %s", id).isEqualTo(1));
        assertThat(arrivals.stream().filter(Arrival::delivered).map(Arrival::moderationId))
                .as("one moderation.completed event per moderation, none lost")
                .containsExactlyInAnyOrderElementsOf(moderations);
        assertThat(arrivals).allSatisfy(arrival -> assertThat(arrival.type()).isEqualTo("moderation.completed"));
        assertThat(receiver.webhookIdsByModeration()).as("the webhook-id is stable across retries")
                .allSatisfy((moderation, ids) -> assertThat(ids).hasSize(1));
        assertThat(receiver.overlaps()).as("requests for one event while another was in flight").isZero();
    }

    private static void assertEachRowDeliveredOnceByOneProcessAtATime(SharedDatabase database,
            CallbackReceiver receiver, List<PackagedWarden> processes, WardenApi admin) {
        List<OutboxRow> rows = database.outbox(KIND);
        assertThat(rows).hasSize(CALLBACKS).allSatisfy(row -> assertThat(row.status()).isEqualTo("delivered"));
        Map<String, List<Attempt>> attempts = database.attempts(KIND).stream()
                .collect(Collectors.groupingBy(Attempt::outboxId));
        Map<String, List<Integer>> answersByWebhookId = receiver.arrivals().stream()
                .collect(Collectors.groupingBy(Arrival::webhookId,
                        Collectors.mapping(Arrival::answered, Collectors.toList())));
        for (OutboxRow row : rows) {
            List<Attempt> ofRow = attempts.get(row.id());
            assertThat(ofRow).as("attempts of %s", row.id()).isNotEmpty();
            assertThat(ofRow.stream().filter(attempt -> attempt.outcome().equals(DONE)))
                    .as("delivered once: %s", ofRow).hasSize(1);
            assertThat(ofRow.get(ofRow.size() - 1).outcome()).isEqualTo(DONE);
            // Attempts refused by an open circuit never reach the receiver and have no HTTP status.
            assertThat(ofRow.stream().map(Attempt::httpStatus).filter(Objects::nonNull))
                    .as("the receiver's every answer to %s is recorded, and no other: %s", row.id(), ofRow)
                    .containsExactlyInAnyOrderElementsOf(answersByWebhookId.get(webhookId(row.id())));
            for (int i = 1; i < ofRow.size(); i++) {
                assertThat(ofRow.get(i).startedAt()).as("attempt %s of %s began after the one before ended", i + 1,
                        row.id()).isAfterOrEqualTo(ofRow.get(i - 1).endedAt());
            }
        }
        List<Attempt> done = attempts.values().stream().flatMap(List::stream)
                .filter(attempt -> attempt.outcome().equals(DONE)).toList();
        assertThat(processes).as("both processes delivered")
                .allSatisfy(process -> assertThat(done).anySatisfy(attempt -> assertThat(workedBy(attempt.worker(),
                        process)).isTrue()));

        String retried = attempts.entrySet().stream().filter(entry -> entry.getValue().size() > 1).findFirst()
                .orElseThrow().getKey();
        assertThat(admin.delivery(retried).path("attempts")).as("the admin API shows every attempt")
                .hasSize(attempts.get(retried).size());
    }

    /**
     * The receiver holds every request, so both processes have leased rows in flight; one is killed with SIGKILL. Its
     * rows stay leased until the lease expires, then the survivor delivers them, with the same webhook-id.
     */
    private static void killOneWhileItHoldsLeases(SharedDatabase database, CallbackReceiver receiver,
            PackagedWarden killed, PackagedWarden survivor, WardenApi survivorApi) throws Exception {
        receiver.gate().hold();
        Set<String> moderations = submit(List.of(survivorApi), AFTER_THE_KILL, receiver.url(), "killed");
        List<OutboxRow> leased = new ArrayList<>();
        await().atMost(DRAIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            leased.clear();
            leased.addAll(database.leased(KIND));
            return receiver.gate().held() > 0 && leased.stream().anyMatch(row -> workedBy(row.leaseOwner(), killed))
                    && leased.stream().anyMatch(row -> workedBy(row.leaseOwner(), survivor));
        });
        Instant killedAt = Instant.now();
        killed.kill();
        receiver.gate().release();

        await().atMost(DRAIN).pollInterval(Duration.ofMillis(500))
                .until(() -> receiver.arrivals().stream().filter(Arrival::delivered).map(Arrival::moderationId)
                        .collect(Collectors.toSet()).containsAll(moderations)
                        && survivorApi.deliveries("pending").isEmpty());

        Set<String> deliveredAfterTheKill = receiver.deliveredSince(killedAt).stream().map(Arrival::webhookId)
                .collect(Collectors.toSet());
        Map<String, List<Attempt>> attempts = database.attempts(KIND).stream()
                .collect(Collectors.groupingBy(Attempt::outboxId));
        for (OutboxRow row : leased.stream().filter(row -> workedBy(row.leaseOwner(), killed)).toList()) {
            List<Attempt> done = attempts.get(row.id()).stream().filter(attempt -> attempt.outcome().equals(DONE))
                    .toList();
            assertThat(done).as("delivered once: %s", attempts.get(row.id())).hasSize(1);
            assertThat(workedBy(done.get(0).worker(), survivor)).as("delivered by the survivor: %s", done).isTrue();
            assertThat(done.get(0).startedAt()).as("after the killed process's lease expired")
                    .isAfterOrEqualTo(row.leaseUntil());
            assertThat(deliveredAfterTheKill).as("received after the kill").contains(webhookId(row.id()));
        }
        assertThat(database.outbox(KIND)).allSatisfy(row -> assertThat(row.status()).isEqualTo("delivered"));
        assertThat(receiver.webhookIdsByModeration()).as("a redelivered event keeps its webhook-id")
                .allSatisfy((moderation, ids) -> assertThat(ids).hasSize(1));
    }

    /** Warden names a worker {@code <host>:<pid>:<random>}. */
    private static boolean workedBy(String worker, PackagedWarden process) {
        return worker != null && worker.contains(":" + process.pid() + ":");
    }

    /** Queues {@code count} async moderations with a callback, spread over the processes in turn. */
    static Set<String> submit(List<WardenApi> apis, int count, String callbackUrl, String label) throws Exception {
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                WardenApi api = apis.get(i % apis.size());
                String text = label + " message " + i;
                ids.add(submitters.submit(() -> api.submitAsync("default", text, callbackUrl)));
            }
            Set<String> submitted = new HashSet<>();
            for (Future<String> id : ids) {
                submitted.add(id.get());
            }
            return submitted;
        } finally {
            submitters.shutdownNow();
        }
    }

    private static String webhookId(String outboxId) {
        return "msg_" + outboxId;
    }
}
