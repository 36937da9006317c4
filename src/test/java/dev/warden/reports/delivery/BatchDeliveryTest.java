package dev.warden.reports.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.warden.reports.delivery.ReportRows.Stored;
import dev.warden.spi.ProviderException;
import dev.warden.testkit.reporting.ScriptedBatchType;
import dev.warden.testkit.reporting.ScriptedBatchType.Script;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkItem;

/**
 * Delivery of statements to a batch partner (the scripted DSA), against real PostgreSQL. Rows the test leases are
 * handed to the handler directly, in groups as the outbox's batch claim will; rows left unleased are the outbox
 * worker's, for the paths that go through retries and follow-up rows.
 */
@QuarkusTest
class BatchDeliveryTest {

    private static final String DSA = "scripted-dsa";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReportDelivery delivery;
    @Inject
    MeterRegistry registry;

    private Script partner;
    private String prefix;

    @BeforeEach
    void script() {
        partner = ScriptedBatchType.script(DSA);
        prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void aGroupIsOneCallAndEachReportIsAcceptedWithItsOwnReferences() throws Exception {
        List<Stored> reports = leased(3);

        List<AttemptResult> results = run(reports);

        assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(new AttemptResult.Done(
                Optional.of(201))));
        assertThat(partner.calls()).containsExactly(keys(reports));
        for (Stored report : reports) {
            assertThat(ReportRows.status(report)).isEqualTo("accepted");
            assertThat(ReportRows.text(report, "acceptance")).isEqualTo("created");
            assertThat(ReportRows.text(report, "jsonb_typeof(partner_refs)")).as("partner_refs stays an object")
                    .isEqualTo("object");
            assertThat(ReportRows.text(report, "partner_refs->>'permalink'")).isNotBlank();
            assertThat(ReportRows.text(report, "partner_report_id")).isNotBlank();
            assertThat(ReportRows.attempts(report)).containsExactly("submit-batch/ok");
        }
        assertThat(ReportRows.text(reports.get(0), "partner_report_id"))
                .isNotEqualTo(ReportRows.text(reports.get(1), "partner_report_id"));
    }

    @Test
    void oneInvalidItemFailsWithThePartnersMessageAndTheOthersAreAcceptedInTheNextCall() throws Exception {
        List<Stored> reports = leased(5);
        String bad = prefix + 2;
        partner.invalid(bad, "The selected decision ground is invalid.");

        List<AttemptResult> results = run(reports);

        assertThat(partner.calls()).hasSize(2);
        assertThat(partner.calls().get(1)).hasSize(4).doesNotContain(bad);
        assertThat(results.get(2)).isInstanceOfSatisfying(AttemptResult.Stop.class,
                stop -> assertThat(stop.error()).isEqualTo("The selected decision ground is invalid."));
        assertThat(ReportRows.status(reports.get(2))).isEqualTo("failed");
        assertThat(ReportRows.text(reports.get(2), "last_error")).isEqualTo("The selected decision ground is invalid.");
        assertThat(ReportRows.attempts(reports.get(2))).containsExactly("submit-batch/rejected");
        for (int i : new int[] { 0, 1, 3, 4 }) {
            assertThat(results.get(i)).isInstanceOf(AttemptResult.Done.class);
            assertThat(ReportRows.status(reports.get(i))).isEqualTo("accepted");
            assertThat(ReportRows.attempts(reports.get(i))).containsExactly("submit-batch/retry", "submit-batch/ok");
            assertThat(ReportRows.text(reports.get(i), "last_error")).isNull();
        }
    }

    @Test
    void aRefusalThatNamesNoItemIsSplitUntilTheBadItemStandsAlone() throws Exception {
        List<Stored> reports = leased(10);
        String bad = prefix + 3;
        partner.refuseWithoutNaming(bad);

        List<AttemptResult> results = run(reports);

        assertThat(partner.calls().size()).isLessThanOrEqualTo(2 * 4 + 1);
        assertThat(partner.calls()).filteredOn(call -> call.size() == 1 && call.contains(bad)).hasSize(1);
        for (int i = 0; i < reports.size(); i++) {
            assertThat(ReportRows.status(reports.get(i))).isEqualTo(i == 3 ? "failed" : "accepted");
            assertThat(results.get(i)).isInstanceOf(i == 3 ? AttemptResult.Stop.class : AttemptResult.Done.class);
        }
        for (String key : keys(reports)) {
            if (!key.equals(bad)) {
                assertThat(partner.calls()).as("calls accepting " + key)
                        .filteredOn(call -> call.contains(key) && !call.contains(bad)).hasSize(1);
            }
        }
    }

    @Test
    void aDuplicateIsAcceptedDuplicateAndConfirmedLaterWhileTheOthersGoAtOnce() throws Exception {
        List<Stored> reports = leased(3);
        String duplicate = prefix + 1;
        partner.duplicate(duplicate).exists(true);

        List<AttemptResult> results = run(reports);

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(AttemptResult.Done.class));
        assertThat(partner.calls()).hasSize(2);
        assertThat(partner.calls().get(1)).containsExactly(prefix + 0, prefix + 2);
        Stored confirmed = reports.get(1);
        assertThat(ReportRows.text(confirmed, "acceptance")).isEqualTo("accepted-duplicate");
        // The confirm row (due at once in this profile) is the worker's: it took the report over from the leased row.
        await().atMost(WAIT).until(() -> "accepted".equals(ReportRows.status(confirmed)));
        assertThat(ReportRows.text(confirmed, "acceptance")).isEqualTo("accepted-duplicate");
        assertThat(partner.existsCalls()).containsExactly(duplicate);
        assertThat(ReportRows.attempts(confirmed)).containsExactly("submit-batch/duplicate", "existing-puid/ok");
        assertThat(ReportRows.count("select count(*) from outbox where subject_id = ? and kind = 'report-confirm'"
                + " and status = 'delivered'", confirmed.report())).isEqualTo(1);
    }

    @Test
    void aDuplicateThePartnerDoesNotKnowIsResentUpToTheLimitThenFails() throws Exception {
        Stored report = ReportRows.statement(DSA, prefix + 0, false);
        partner.duplicate(prefix + 0).exists(false);

        await().atMost(WAIT).until(() -> "failed".equals(ReportRows.status(report)));

        assertThat(ReportRows.text(report, "last_error")).contains("does not know it after 2 resends");
        assertThat(ReportRows.text(report, "confirm_cycles")).isEqualTo("2");
        assertThat(partner.calls()).hasSize(3);
        assertThat(partner.existsCalls()).hasSize(3);
    }

    @Test
    void anOutageIsRetriedByTheOutboxAndTheReportSubmittedOnce() throws Exception {
        partner.failNext(ProviderException.Kind.UNAVAILABLE, 2);
        Stored report = ReportRows.statement(DSA, prefix + 0, false);

        await().atMost(WAIT).until(() -> "accepted".equals(ReportRows.status(report)));

        assertThat(ReportRows.attempts(report)).containsExactly("submit-batch/retry", "submit-batch/retry",
                "submit-batch/ok");
        assertThat(partner.calls()).hasSize(3);
        assertThat(ReportRows.count("select count(*) from reporting_partner_state where partner = ?"
                + " and last_http_status = 503", DSA)).isEqualTo(1);
        assertThat(ReportRows.count("select count(*) from outbox_attempt where outbox_id = ?", report.row()))
                .isEqualTo(3);
    }

    @Test
    void refusedCredentialsWaitAtLeastTheAuthFailureWait() throws Exception {
        partner.failNext(ProviderException.Kind.AUTH, 1);
        List<Stored> reports = leased(1);

        List<AttemptResult> results = run(reports);

        assertThat(results.get(0)).isInstanceOfSatisfying(AttemptResult.Retry.class, retry -> {
            assertThat(retry.httpStatus()).contains(401);
            assertThat(retry.retryAfter()).contains(Duration.ofSeconds(3));
        });
        assertThat(ReportRows.attempts(reports.get(0))).containsExactly("submit-batch/auth");
        assertThat(ReportRows.status(reports.get(0))).isEqualTo("queued");
    }

    @Test
    void anAnswerArrivingAfterTheLeaseMovedChangesNothing() throws Exception {
        Stored report = ReportRows.statement(DSA, prefix + 0, true);
        WorkItem stale = new WorkItem(report.row(), report.kind(), DSA, Optional.of(report.report()),
                new JsonObject(), 1, Instant.now(), UUID.randomUUID(),
                System.nanoTime() + Duration.ofMinutes(1).toNanos());

        delivery.attemptBatch(List.of(stale)).await().atMost(WAIT);

        assertThat(partner.calls()).hasSize(1);
        assertThat(ReportRows.status(report)).isEqualTo("queued");
        assertThat(ReportRows.attempts(report)).containsExactly("submit-batch/ok");
    }

    @Test
    void aRowThatNoLongerOwnsItsReportStopsWithoutCallingThePartner() throws Exception {
        Stored report = ReportRows.statement(DSA, prefix + 0, true);
        ReportRows.takeOver(report, "report-confirm", "{}", true);

        List<AttemptResult> results = delivery.attemptBatch(List.of(report.item())).await().atMost(WAIT);

        assertThat(results.get(0)).isInstanceOfSatisfying(AttemptResult.Stop.class,
                stop -> assertThat(stop.error()).startsWith("superseded by delivery"));
        assertThat(partner.calls()).isEmpty();
    }

    @Test
    void aDeadRowMakesItsReportDeadAndCountsTheDeadLetterOfItsPartner() throws Exception {
        Stored report = ReportRows.statement(DSA, prefix + 0, true);
        double before = deadLetters();

        delivery.abandoned(report.item(), "not done within max-age", true).await().atMost(WAIT);
        delivery.abandoned(report.item(), "again", true).await().atMost(WAIT);

        assertThat(ReportRows.status(report)).isEqualTo("dead");
        assertThat(ReportRows.text(report, "last_error")).contains("not done within max-age");
        assertThat(deadLetters()).isEqualTo(before + 1);
    }

    @Test
    void aDisabledPartnerHoldsItsReportsWithoutCallingIt() throws Exception {
        Script off = ScriptedBatchType.script("scripted-off");
        Stored report = ReportRows.statement("scripted-off", prefix + 0, true);

        List<AttemptResult> results = delivery.attemptBatch(List.of(report.item())).await().atMost(WAIT);

        assertThat(results.get(0)).isInstanceOfSatisfying(AttemptResult.Retry.class,
                retry -> assertThat(retry.error()).contains("disabled"));
        assertThat(off.calls()).isEmpty();
        assertThat(ReportRows.status(report)).isEqualTo("queued");
    }

    @Test
    void noFurtherCallStartsThatTheLeaseCannotCover() throws Exception {
        List<Stored> reports = leased(4);
        partner.refuseWithoutNaming(prefix + 0);
        List<WorkItem> items = reports.stream().map(report -> report.item(Duration.ofSeconds(6))).toList();

        List<AttemptResult> results = delivery.attemptBatch(items).await().atMost(WAIT);

        assertThat(partner.calls()).hasSize(1);
        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(AttemptResult.Retry.class,
                retry -> assertThat(retry.retryAfter()).contains(Duration.ZERO)));
        assertThat(ReportRows.status(reports.get(0))).isEqualTo("queued");
    }

    private double deadLetters() {
        Counter counter = registry.find("warden.reports.dead.letters").tag("partner", DSA).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<Stored> leased(int count) throws Exception {
        List<Stored> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.add(ReportRows.statement(DSA, prefix + i, true));
        }
        return reports;
    }

    private List<AttemptResult> run(List<Stored> reports) {
        return delivery.attemptBatch(reports.stream().map(Stored::item).toList()).await().atMost(WAIT);
    }

    private List<String> keys(List<Stored> reports) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            keys.add(prefix + i);
        }
        return keys;
    }
}
