package dev.warden.retention;

import static dev.warden.retention.RetentionRows.MARKER;
import static dev.warden.retention.RetentionRows.count;
import static dev.warden.retention.RetentionRows.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.config.RetentionConfig;
import dev.warden.persistence.TestDatabase;

/**
 * Retention against real PostgreSQL: each kind purged past its age and kept younger, pending work never touched, two
 * purgers at once, a database that stops answering in the middle of a run, the schedule, and the metrics. The
 * schedule of the application itself is off in tests; each test runs retention itself, with the default ages.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    RetentionRun run;
    @Inject
    RetentionMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    Vertx vertx;
    @Inject
    RetentionConfig config;

    @BeforeEach
    void freshSweeps() throws SQLException {
        RetentionRows.restartSweeps();
    }

    @Test
    void purgesEveryKindPastItsAgeAndKeepsWhatIsYounger() throws SQLException {
        UUID oldDecision = RetentionRows.decided(DAY.multipliedBy(40));
        UUID youngDecision = RetentionRows.decided(DAY.multipliedBy(20));
        String key = "retention-" + UUID.randomUUID();
        UUID expiredDecision = RetentionRows.decided(DAY.multipliedBy(500), key);
        UUID filedAboutExpired = RetentionRows.report("accepted", DAY.multipliedBy(10), null);
        TestDatabase.update("update report set moderation_id = ? where id = ?", expiredDecision, filedAboutExpired);
        UUID oldPending = RetentionRows.pending(DAY.multipliedBy(8));
        UUID youngPending = RetentionRows.pending(DAY.multipliedBy(2));
        UUID oldProcessed = RetentionRows.webhookEvent("processed", DAY.multipliedBy(40));
        UUID oldRefused = RetentionRows.webhookEvent("refused", DAY.multipliedBy(40));
        UUID youngProcessed = RetentionRows.webhookEvent("processed", DAY.multipliedBy(20));
        UUID oldReceived = RetentionRows.webhookEvent("received", DAY.multipliedBy(40));
        UUID oldFailed = RetentionRows.webhookEvent("failed", DAY.multipliedBy(40));
        UUID oldAccepted = RetentionRows.report("accepted", DAY.multipliedBy(400), null);
        UUID youngAccepted = RetentionRows.report("accepted", DAY.multipliedBy(300), null);
        UUID oldQueued = RetentionRows.report("queued", DAY.multipliedBy(400), RetentionRows.outbox("pending", DAY));
        UUID deadRetracting = RetentionRows.report("dead", DAY.multipliedBy(400),
                RetentionRows.outbox("pending", DAY));
        UUID expiredReport = RetentionRows.report("failed", DAY.multipliedBy(600), null);
        UUID oldDelivered = RetentionRows.outbox("delivered", DAY.multipliedBy(20));
        UUID oldStopped = RetentionRows.outbox("stopped", DAY.multipliedBy(20));
        UUID youngDelivered = RetentionRows.outbox("delivered", DAY.multipliedBy(10));
        UUID oldPendingRow = RetentionRows.outbox("pending", DAY.multipliedBy(20));
        UUID youngDead = RetentionRows.outbox("dead", DAY.multipliedBy(20));
        UUID oldDead = RetentionRows.outbox("dead", DAY.multipliedBy(40));
        Map<RetentionKind, Double> before = counters();

        RetentionReport report = run(TestRetentionSettings.defaults().withReports(DAY.multipliedBy(500)));

        assertThat(report.complete()).isTrue();
        // context and vendor answers: purged from the old decision, which stays; kept on the younger one
        assertThat(text("select context::text from moderation where id = ?", oldDecision)).isEqualTo("{}");
        assertThat(text("select context::text from moderation where id = ?", youngDecision)).contains(MARKER);
        assertThat(text("select vendor_scores::text || coalesce(raw_scores::text, '') || coalesce(late_answer::text,"
                + " '') from provider_outcome where moderation_id = ?", oldDecision)).isEqualTo("{}");
        assertThat(text("select scores::text from provider_outcome where moderation_id = ?", oldDecision))
                .as("the normalized scores stay with the decision").contains("threat");
        assertThat(count("select count(*) from provider_outcome where moderation_id = ? and raw_scores is not null"
                + " and late_answer is not null and vendor_scores::text like ?", youngDecision, "%" + MARKER + "%"))
                .isOne();
        // whole decisions: gone with their outcomes and their key's claim
        assertThat(count("select count(*) from moderation where id = ?", expiredDecision)).isZero();
        assertThat(count("select count(*) from provider_outcome where moderation_id = ?", expiredDecision)).isZero();
        assertThat(count("select count(*) from idempotency_claim where idempotency_key = ?", key)).isZero();
        assertThat(count("select count(*) from report where id = ? and moderation_id is null", filedAboutExpired))
                .as("a report about a deleted decision keeps its record").isOne();
        // pending work: failed with the reason once its content is too old, never left pending with content
        assertThat(count("select count(*) from moderation where id = ? and status = 'failed' and content is null"
                + " and failure_reason like '%warden.retention.pending-content%'", oldPending)).isOne();
        assertThat(count("select count(*) from moderation where id = ? and status = 'pending' and content::text"
                + " like ?", youngPending, "%" + MARKER + "%")).isOne();
        // webhook payloads: purged from processed and refused events, which stay; unfinished and failed ones keep them
        for (UUID purged : List.of(oldProcessed, oldRefused)) {
            assertThat(count("select count(*) from webhook_event where id = ? and body = '{}' and body_purged_at is"
                    + " not null and type = 'test.event'", purged)).isOne();
        }
        for (UUID kept : List.of(youngProcessed, oldReceived, oldFailed)) {
            assertThat(text("select body from webhook_event where id = ?", kept)).contains(MARKER);
        }
        // report content: purged (with the files' URLs and details) once a report ended; kept while work remains
        assertThat(text("select content::text || f.url || f.details::text || f.file_name from report r join"
                + " report_file f on f.report_id = r.id where r.id = ? and r.content_purged_at is not null",
                oldAccepted)).isEqualTo("{}{}a.jpg");
        for (UUID kept : List.of(youngAccepted, oldQueued, deadRetracting)) {
            assertThat(text("select content::text || f.url from report r join report_file f on f.report_id = r.id"
                    + " where r.id = ? and r.content_purged_at is null", kept)).contains(MARKER);
        }
        // whole reports, by their own setting: gone with files and attempts
        assertThat(count("select count(*) from report where id = ?", expiredReport)).isZero();
        assertThat(count("select count(*) from report_attempt where report_id = ?", expiredReport)).isZero();
        assertThat(count("select count(*) from report_file where report_id = ?", expiredReport)).isZero();
        assertThat(count("select count(*) from report where id = ?", oldAccepted)).isOne();
        // the outbox: finished rows after deliveries, dead letters after dead-letters; pending rows never
        for (UUID gone : List.of(oldDelivered, oldStopped, oldDead)) {
            assertThat(count("select count(*) from outbox where id = ?", gone)).isZero();
            assertThat(count("select count(*) from outbox_attempt where outbox_id = ?", gone)).isZero();
        }
        for (UUID kept : List.of(youngDelivered, oldPendingRow, youngDead)) {
            assertThat(count("select count(*) from outbox where id = ?", kept)).isOne();
        }
        // the metric counts what the run purged, kind by kind
        Map<RetentionKind, Double> after = counters();
        for (RetentionKind kind : RetentionKind.values()) {
            assertThat(after.get(kind) - before.get(kind)).as(kind.wireName())
                    .isEqualTo((double) report.purged(kind));
        }
        assertThat(report.purged(RetentionKind.CONTEXT)).isGreaterThanOrEqualTo(1);
        assertThat(report.purged(RetentionKind.PENDING_CONTENT)).isGreaterThanOrEqualTo(1);
        assertThat(report.purged(RetentionKind.DEAD_LETTERS)).isGreaterThanOrEqualTo(1);
        endWork(youngPending);
    }

    @Test
    void theTestsRunWithWardensDefaults() {
        for (RetentionKind kind : RetentionKind.values()) {
            assertThat(kind.age(TestRetentionSettings.defaults())).as(kind.key()).isEqualTo(kind.age(config));
        }
        assertThat(TestRetentionSettings.defaults().batchSize()).isEqualTo(config.batchSize());
        assertThat(TestRetentionSettings.defaults().interval()).isEqualTo(config.interval());
        assertThat(config.reports()).isZero();
    }

    @Test
    void aSecondRunFindsNothingLeftToPurge() throws SQLException {
        RetentionRows.decided(DAY.multipliedBy(40));
        RetentionRows.outbox("delivered", DAY.multipliedBy(20));
        assertThat(run(TestRetentionSettings.defaults()).complete()).isTrue();

        RetentionReport second = run(TestRetentionSettings.defaults());

        assertThat(second.complete()).isTrue();
        assertThat(second.purged().values()).allMatch(rows -> rows == 0);
    }

    @Test
    void zeroKeepsAKindForever() throws SQLException {
        UUID old = RetentionRows.decided(DAY.multipliedBy(40));

        RetentionReport report = run(TestRetentionSettings.defaults().withContext(Duration.ZERO));

        assertThat(report.purged()).doesNotContainKey(RetentionKind.CONTEXT);
        assertThat(text("select context::text from moderation where id = ?", old)).contains(MARKER);
    }

    @Test
    void theSweepStopsBeforePendingWork() throws SQLException {
        UUID pending = RetentionRows.pending(DAY.multipliedBy(40));
        UUID after = RetentionRows.decided(DAY.multipliedBy(35));

        RetentionReport report = run(TestRetentionSettings.defaults().withPendingContent(DAY.multipliedBy(60)));

        assertThat(report.complete()).isTrue();
        assertThat(text("select context::text from moderation where id = ?", after))
                .as("received after a moderation still pending").contains(MARKER);
        assertThat(text("select content::text from moderation where id = ? and status = 'pending'", pending))
                .contains(MARKER);

        endWork(pending);
        run(TestRetentionSettings.defaults());

        assertThat(text("select context::text from moderation where id = ?", after)).isEqualTo("{}");
    }

    @Test
    void twoPurgersAtOnceShareTheWorkWithoutConflict() throws SQLException {
        TestDatabase.update("insert into moderation (id, client_name, request_sha256, content_sha256, policy, context,"
                + " status, decision, degraded, categories, taxonomy_version, created_at) select gen_random_uuid(),"
                + " 'retention-test', repeat('0', 64), repeat('0', 64), 'default', ?::jsonb, 'completed', 'allow',"
                + " false, '{}', 'v1', now() - interval '40 days' - i * interval '1 millisecond'"
                + " from generate_series(1, 1500) i", RetentionRows.CONTEXT);
        TestDatabase.update("insert into outbox (id, kind, destination, status, next_attempt_at, created_at,"
                + " finished_at) select gen_random_uuid(), 'retention-test', 'retention-test', 'delivered', now(),"
                + " now() - interval '20 days', now() - interval '20 days' from generate_series(1, 1500)");
        long contexts = count("select count(*) from moderation where created_at < now() - interval '30 days'"
                + " and context <> '{}'::jsonb");
        long deliveries = count("select count(*) from outbox where status in ('delivered', 'stopped')"
                + " and finished_at < now() - interval '14 days'");
        TestRetentionSettings settings = TestRetentionSettings.defaults().withBatchSize(100);

        List<RetentionReport> reports = Uni.join().all(run.run(settings), run.run(settings)).andFailFast()
                .await().atMost(WAIT);

        assertThat(reports).allMatch(RetentionReport::complete);
        assertThat(reports.stream().mapToLong(report -> report.purged(RetentionKind.CONTEXT)).sum())
                .as("every context purged exactly once").isEqualTo(contexts);
        assertThat(reports.stream().mapToLong(report -> report.purged(RetentionKind.DELIVERIES)).sum())
                .isEqualTo(deliveries);
        assertThat(count("select count(*) from moderation where created_at < now() - interval '30 days'"
                + " and context <> '{}'::jsonb")).isZero();
        assertThat(count("select count(*) from outbox where status in ('delivered', 'stopped')"
                + " and finished_at < now() - interval '14 days'")).isZero();
    }

    @Test
    void aDatabaseThatStopsAnsweringFailsTheRunWithAWarningAndTheNextRunPurges() throws Exception {
        long startedAt = Instant.now().getEpochSecond();
        long lastRun = metrics.lastRun();
        UUID later = RetentionRows.decided(DAY.multipliedBy(39));
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = capture(warnings);
        RetentionReport failed;
        try (Connection locker = TestDatabase.connect()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("lock table moderation in access exclusive mode");
            }
            failed = run.run(TestRetentionSettings.defaults()).await().atMost(WAIT);
            locker.rollback();
        } finally {
            retentionLogger().removeHandler(capture);
        }

        assertThat(failed.complete()).isFalse();
        assertThat(failed.failed()).contains(RetentionKind.CONTEXT, RetentionKind.DECISIONS);
        assertThat(metrics.lastRun()).as("an incomplete run is not a last run").isEqualTo(lastRun);
        // JBoss LogManager's WARN is a Level of its own, with WARNING's value
        assertThat(warnings).filteredOn(record -> record.getLevel().intValue() == Level.WARNING.intValue())
                .anySatisfy(record -> assertThat(record.getMessage() + " " + List.of(params(record)))
                        .contains("context").contains("the next run retries"));
        assertThat(text("select context::text from moderation where id = ?", later)).contains(MARKER);

        RetentionReport next = run(TestRetentionSettings.defaults());

        assertThat(next.complete()).isTrue();
        assertThat(text("select context::text from moderation where id = ?", later)).isEqualTo("{}");
        assertThat(metrics.lastRun()).isGreaterThanOrEqualTo(startedAt);
    }

    @Test
    void theScheduleRunsAgainAndAgainUntilStopped() throws SQLException {
        long startedAt = Instant.now().getEpochSecond();
        UUID first = RetentionRows.decided(DAY.multipliedBy(40));
        RetentionSchedule schedule = new RetentionSchedule(run,
                TestRetentionSettings.defaults().withInterval(Duration.ofMillis(200)), vertx);
        try {
            schedule.start(Duration.ofMillis(10));
            await().atMost(WAIT).until(() -> "{}".equals(text("select context::text from moderation where id = ?",
                    first)));
            // complete runs in three different seconds: it ran again, and again
            await().atMost(WAIT).until(() -> metrics.lastRun() >= startedAt + 2);
        } finally {
            schedule.stop();
        }
        RetentionRows.restartSweeps();
        UUID afterStop = RetentionRows.decided(DAY.multipliedBy(40));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> text(
                "select context::text from moderation where id = ?", afterStop).contains(MARKER));
    }

    /** Ends a test's pending moderation as its job would, so that no later test finds it pending. */
    private static void endWork(UUID pending) throws SQLException {
        TestDatabase.update("update moderation set status = 'failed', content = null, failure_reason = 'test'"
                + " where id = ?", pending);
    }

    private RetentionReport run(TestRetentionSettings settings) {
        return run.run(settings).await().atMost(WAIT);
    }

    private Map<RetentionKind, Double> counters() {
        Map<RetentionKind, Double> counts = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : RetentionKind.values()) {
            counts.put(kind, registry.counter("warden.retention.purged", "kind", kind.wireName()).count());
        }
        return counts;
    }

    private static Handler capture(List<LogRecord> records) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        retentionLogger().addHandler(handler);
        return handler;
    }

    /** The logger Quarkus logs through (JBoss LogManager's), not a plain JUL logger of the same name. */
    private static Logger retentionLogger() {
        return org.jboss.logmanager.Logger.getLogger(RetentionRun.class.getName());
    }

    private static Object[] params(LogRecord record) {
        return record.getParameters() == null ? new Object[0] : record.getParameters();
    }
}
