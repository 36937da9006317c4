package dev.warden.reports.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TestDatabase;
import dev.warden.reports.OpenReportClock;
import dev.warden.reports.delivery.ReportRows.File;
import dev.warden.reports.delivery.ReportRows.Stored;
import dev.warden.testkit.ReportingPartnersResource;
import dev.warden.testkit.reporting.ScriptedSteppedType;
import dev.warden.testkit.reporting.ScriptedSteppedType.Answer;
import dev.warden.testkit.reporting.ScriptedSteppedType.Script;
import dev.warden.work.AttemptResult;

/**
 * Delivery of CyberTips to a stepped partner (the scripted NCMEC) against real PostgreSQL, evidence served by
 * {@link ReportingPartnersResource}. Each step's ids are stored as they arrive, so an attempt that ends early resumes
 * at the next step and never opens a second report.
 */
@QuarkusTest
class SteppedDeliveryTest {

    private static final String NCMEC = "scripted-ncmec";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> FULL_FLOW = List.of("open", "upload:0", "upload:1", "fileinfo:0",
            "fileinfo:1", "finish");

    @Inject
    ReportDelivery delivery;
    @Inject
    RetractDelivery retracts;
    @Inject
    OpenReportClock clock;
    @Inject
    MeterRegistry registry;

    private Script partner;
    private List<File> files;

    @BeforeEach
    void serveEvidence() throws Exception {
        partner = ScriptedSteppedType.script(NCMEC);
        String prefix = "/evidence/" + UUID.randomUUID();
        files = List.of(serve(prefix + "/a.jpg", "first evidence file"), serve(prefix + "/b.mp4", "second file"));
    }

    @Test
    void theFullFlowForTwoFilesRunsInOrder() throws Exception {
        Stored report = ReportRows.cybertip(NCMEC, files, true);

        AttemptResult result = run(report);

        assertThat(result).isInstanceOf(AttemptResult.Done.class);
        assertThat(partner.calls()).isEqualTo(FULL_FLOW);
        assertThat(ReportRows.status(report)).isEqualTo("accepted");
        assertThat(ReportRows.text(report, "acceptance")).isEqualTo("created");
        assertThat(ReportRows.text(report, "partner_report_id")).matches("\\d+");
        assertThat(ReportRows.text(report, "partner_refs")).contains("reportId");
        assertThat(ReportRows.count("select count(*) from report_file where report_id = ? and file_id is not null"
                + " and described_at is not null and partner_md5 = md5", report.report())).isEqualTo(2);
        assertThat(ReportRows.attempts(report)).containsExactly("submit/ok", "upload/ok", "upload/ok",
                "fileinfo/ok", "fileinfo/ok", "finish/ok");
    }

    @Test
    void aFailureAfterTheFirstUploadResumesAtTheSecondAndOpensOnce() throws Exception {
        partner.next("upload", Answer.OK, Answer.UNAVAILABLE);
        Stored report = ReportRows.cybertip(NCMEC, files, true);

        assertThat(run(report)).isInstanceOf(AttemptResult.Retry.class);
        assertThat(ReportRows.status(report)).isEqualTo("in_progress");
        assertThat(ReportRows.text(report, "partner_report_id")).isNotNull();
        assertThat(fileIds(report)).isEqualTo(1);

        assertThat(run(report)).isInstanceOf(AttemptResult.Done.class);

        assertThat(partner.calls()).containsExactly("open", "upload:0", "upload:1", "upload:1", "fileinfo:0",
                "fileinfo:1", "finish");
        assertThat(ReportRows.status(report)).isEqualTo("accepted");
    }

    @Test
    void evidenceWhoseBytesDoNotMatchItsHashOpensNoReport() throws Exception {
        File wrong = new File(files.get(1).url(), "0".repeat(64), null);
        Stored report = ReportRows.cybertip(NCMEC, List.of(files.get(0), wrong), true);

        AttemptResult result = run(report);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Stop.class,
                stop -> assertThat(stop.error()).isEqualTo("evidence file 1: its bytes do not match the report's sha256"));
        assertThat(partner.calls()).isEmpty();
        assertThat(ReportRows.status(report)).isEqualTo("failed");
        assertThat(ReportRows.attempts(report)).containsExactly("evidence/rejected");
    }

    @Test
    void anEvidenceHostInTroubleIsRetriedWithoutOpeningAReport() throws Exception {
        String path = "/evidence/" + UUID.randomUUID() + "/down.jpg";
        ReportingPartnersResource.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        Stored report = ReportRows.cybertip(NCMEC, List.of(new File(ReportingPartnersResource.url(path), null,
                null)), true);

        assertThat(run(report)).isInstanceOf(AttemptResult.Retry.class);

        assertThat(partner.calls()).isEmpty();
        assertThat(ReportRows.status(report)).isEqualTo("queued");
        assertThat(ReportRows.text(report, "last_error")).isEqualTo("evidence file 0: the evidence host answered HTTP"
                + " 503");
    }

    @Test
    void aFileRefusedAfterOpeningStopsAndTheRowsEndRetractsTheOpenReport() throws Exception {
        partner.next("upload", Answer.FILE_REJECTED);
        Stored report = ReportRows.cybertip(NCMEC, files, true);

        AttemptResult result = run(report);
        assertThat(result).isInstanceOf(AttemptResult.Stop.class);
        delivery.abandoned(report.item(), "stopped after attempt 1: " + ((AttemptResult.Stop) result).error(),
                false).await().atMost(WAIT);

        assertThat(ReportRows.status(report)).isEqualTo("failed");
        // The retract row is the outbox worker's.
        await().atMost(WAIT).until(() -> ReportRows.text(report, "partner_report_id") == null);
        assertThat(partner.calls()).containsExactly("open", "upload:0", "retract");
        assertThat(ReportRows.status(report)).isEqualTo("failed");
        assertThat(ReportRows.text(report, "last_error")).contains("scripted file rejection 4200");
    }

    @Test
    void aRetriedFinishAnsweringAlreadyFinishedIsAccepted() throws Exception {
        partner.next("finish", Answer.UNAVAILABLE, Answer.ALREADY_DONE);
        Stored report = ReportRows.cybertip(NCMEC, files, true);

        assertThat(run(report)).isInstanceOf(AttemptResult.Retry.class);
        assertThat(run(report)).isInstanceOf(AttemptResult.Done.class);

        assertThat(ReportRows.status(report)).isEqualTo("accepted");
        assertThat(partner.count("finish")).isEqualTo(2);
        assertThat(partner.count("open")).isEqualTo(1);
    }

    @Test
    void aReportThePartnerDeletedAfterItsWindowIsOpenedAgain() throws Exception {
        partner.next("finish", Answer.UNAVAILABLE, Answer.GONE);
        Stored report = ReportRows.cybertip(NCMEC, files, true);
        assertThat(run(report)).isInstanceOf(AttemptResult.Retry.class);
        TestDatabase.update("update report set expires_at = now() - interval '1 minute' where id = ?",
                report.report());

        assertThat(run(report)).isInstanceOfSatisfying(AttemptResult.Retry.class,
                retry -> assertThat(retry.error()).contains("opened again"));
        assertThat(ReportRows.status(report)).isEqualTo("queued");
        assertThat(ReportRows.text(report, "partner_report_id")).isNull();
        assertThat(fileIds(report)).isZero();

        assertThat(run(report)).isInstanceOf(AttemptResult.Done.class);
        assertThat(partner.count("open")).isEqualTo(2);
        assertThat(ReportRows.status(report)).isEqualTo("accepted");
    }

    @Test
    void anOpenAnswerAfterTheLeaseMovedIsNotStoredAndTheOrphanIsRetracted() throws Exception {
        Stored report = ReportRows.cybertip(NCMEC, files, true);
        Stored stale = new Stored(report.report(), report.row(), UUID.randomUUID(), NCMEC, report.kind(), "{}");

        assertThat(run(stale)).isInstanceOf(AttemptResult.Retry.class);

        assertThat(partner.calls()).containsExactly("open", "retract");
        assertThat(ReportRows.status(report)).isEqualTo("queued");
        assertThat(ReportRows.text(report, "partner_report_id")).isNull();
    }

    @Test
    void aRequestedRetractWithdrawsTheOpenReport() throws Exception {
        partner.next("finish", Answer.UNAVAILABLE);
        Stored report = ReportRows.cybertip(NCMEC, files, true);
        run(report);
        Stored retract = ReportRows.takeOver(report, DeliveryKinds.RETRACT, "{\"requested\": true}", true);

        AttemptResult result = retracts.attempt(retract.item()).await().atMost(WAIT);

        assertThat(result).isInstanceOf(AttemptResult.Done.class);
        assertThat(partner.count("retract")).isEqualTo(1);
        assertThat(ReportRows.status(report)).isEqualTo("retracted");
        assertThat(ReportRows.text(report, "partner_report_id")).isNull();
    }

    @Test
    void theExpiryWarningIsGivenOnceWhenThreeQuartersOfTheWindowAreUsed() throws Exception {
        Stored late = ReportRows.cybertip(NCMEC, files, true);
        Stored early = ReportRows.cybertip(NCMEC, files, true);
        open(late, "20 hours", "4 hours");
        open(early, "2 hours", "22 hours");
        double before = warnings();

        List<OpenReportClock.Warned> first = clock.tick().await().atMost(WAIT);
        List<OpenReportClock.Warned> second = clock.tick().await().atMost(WAIT);

        assertThat(first).extracting(OpenReportClock.Warned::report).contains(late.report())
                .doesNotContain(early.report());
        assertThat(second).extracting(OpenReportClock.Warned::report).doesNotContain(late.report());
        assertThat(warnings()).isEqualTo(before + first.size());
        assertThat(ReportRows.text(late, "expiry_warned_at")).isNotNull();
        assertThat(registry.find("warden.reports.open.expiry.used").tag("partner", NCMEC).gauge().value())
                .isGreaterThanOrEqualTo(0.8);
    }

    private static void open(Stored report, String ago, String left) throws Exception {
        TestDatabase.update("update report set status = 'in_progress', partner_report_id = '77',"
                + " opened_at = now() - ?::interval, expires_at = now() + ?::interval where id = ?", ago, left,
                report.report());
    }

    private double warnings() {
        Counter counter = registry.find("warden.reports.open.expiry.warnings").tag("partner", NCMEC).counter();
        return counter == null ? 0 : counter.count();
    }

    private AttemptResult run(Stored report) {
        return delivery.attemptBatch(List.of(report.item())).await().atMost(WAIT).get(0);
    }

    private static long fileIds(Stored report) throws Exception {
        return ReportRows.count("select count(*) from report_file where report_id = ? and file_id is not null",
                report.report());
    }

    private static File serve(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ReportingPartnersResource.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(bytes)));
        return new File(ReportingPartnersResource.url(path), hex("SHA-256", bytes), hex("MD5", bytes));
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
