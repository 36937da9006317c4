package dev.warden.adapters.ncmec;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.warden.adapters.ncmec.NcmecFixtures.FILE_A;
import static dev.warden.adapters.ncmec.NcmecFixtures.FILE_B;
import static dev.warden.adapters.ncmec.NcmecFixtures.cybertip;
import static dev.warden.adapters.ncmec.NcmecFixtures.file;
import static dev.warden.testkit.NcmecSimulator.REPORT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;
import dev.warden.testkit.NcmecSimulator;
import dev.warden.testkit.NcmecSimulator.Step;
import dev.warden.testkit.TestVendorHttp;

/** The adapter's calls against the WireMock CyberTipline of {@link NcmecSimulator} (partners.md §1.2, §1.8). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NcmecStepsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FILE_ID_A = "15a2034b50f2a558f6595a2b5e02ccce";
    private static final String FILE_ID_B = "b0754af766b426f2928a02c651ed4b99";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    private final TestVendorHttp http = new TestVendorHttp();
    private NcmecSimulator ncmec;
    private NcmecAdapter adapter;

    @BeforeAll
    void start() {
        server.start();
        ncmec = new NcmecSimulator(new WireMock("localhost", server.port()), "/ispws");
        adapter = adapter(NcmecFixtures.settings());
    }

    @AfterAll
    void stop() {
        server.stop();
        http.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        ncmec.accepting(REPORT_ID, FILE_ID_A, FILE_ID_B).acceptingFile(REPORT_ID, FILE_A, FILE_ID_A)
                .acceptingFile(REPORT_ID, FILE_B, FILE_ID_B);
    }

    @Test
    void theFullFlowForTwoFilesRunsInOrderAndAnswersEachId() {
        OutgoingReport report = NcmecFixtures.report(cybertip());

        StepAnswer opened = await(adapter.open(report));
        StepAnswer first = await(adapter.upload(REPORT_ID, file(0, FILE_A)));
        StepAnswer second = await(adapter.upload(REPORT_ID, file(1, FILE_B)));
        await(adapter.describeFile(REPORT_ID, FILE_ID_A, file(0, FILE_A), report));
        await(adapter.describeFile(REPORT_ID, FILE_ID_B, file(1, FILE_B), report));
        StepAnswer finished = await(adapter.finish(REPORT_ID));

        assertThat(ncmec.steps()).containsExactly(Step.SUBMIT, Step.UPLOAD, Step.UPLOAD, Step.FILEINFO,
                Step.FILEINFO, Step.FINISH);
        assertThat(refs(opened)).containsEntry(SteppedReportingAdapter.REPORT_ID, REPORT_ID);
        assertThat(opened.exchange().requestId()).contains("req-submit");
        assertThat(refs(first)).containsEntry(SteppedReportingAdapter.FILE_ID, FILE_ID_A)
                .containsEntry(SteppedReportingAdapter.FILE_MD5, file(0, FILE_A).md5());
        assertThat(refs(second)).containsEntry(SteppedReportingAdapter.FILE_ID, FILE_ID_B)
                .containsEntry(SteppedReportingAdapter.FILE_MD5, file(1, FILE_B).md5());
        assertThat(refs(finished)).containsEntry(NcmecAnswers.FILE_IDS, FILE_ID_A + "," + FILE_ID_B);
    }

    @Test
    void everyCallCarriesBasicCredentialsAndSubmitSendsTheReportAsUtf8Xml() {
        await(adapter.open(NcmecFixtures.report(cybertip())));
        await(adapter.finish(REPORT_ID));

        LoggedRequest submit = ncmec.requests(Step.SUBMIT).get(0);
        assertThat(submit.getHeader("Authorization")).isEqualTo(NcmecSimulator.BASIC);
        assertThat(submit.getHeader("Content-Type")).isEqualToIgnoringCase("text/xml; charset=utf-8");
        assertThat(submit.getHeader("Accept")).contains("application/xml");
        assertThat(ncmec.bodies(Step.SUBMIT).get(0)).contains("<incidentType>Child Pornography (possession,"
                + " manufacture, and distribution)</incidentType>");
        assertThat(ncmec.requests(Step.FINISH).get(0).getHeader("Authorization")).isEqualTo(NcmecSimulator.BASIC);
    }

    @Test
    void uploadSendsTheReportIdAndTheFileAsMultipartParts() {
        await(adapter.upload(REPORT_ID, file(0, FILE_A)));

        assertThat(ncmec.requests(Step.UPLOAD).get(0).getHeader("Content-Type"))
                .startsWith("multipart/form-data; boundary=");
        // Parts are read on the server itself: WireMock's admin API does not carry them.
        server.verify(1, postRequestedFor(urlPathEqualTo("/ispws/upload"))
                .withRequestBodyPart(aMultipart().withName("id").withBody(equalTo(REPORT_ID)).build())
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(FILE_A))
                        .withHeader("Content-Disposition", containing("filename=\"a.jpg\""))
                        .withHeader("Content-Type", equalTo("image/jpeg")).build()));
    }

    @Test
    void fileinfoDescribesTheUploadedFileUnderItsIds() {
        await(adapter.describeFile(REPORT_ID, FILE_ID_A, file(0, FILE_A), NcmecFixtures.report(cybertip())));

        String body = ncmec.bodies(Step.FILEINFO).get(0);
        assertThat(body).contains("<fileDetails><reportId>" + REPORT_ID + "</reportId><fileId>" + FILE_ID_A
                + "</fileId><originalFileName>a.jpg</originalFileName>");
        assertThat(body).contains("<originalFileHash hashType=\"MD5\">" + file(0, FILE_A).md5() + "</originalFileHash>");
    }

    @Test
    void finishAndRetractSendTheIdAsAUrlencodedForm() {
        await(adapter.finish(REPORT_ID));
        StepAnswer retracted = await(adapter.retract(REPORT_ID));

        for (Step step : new Step[] {Step.FINISH, Step.RETRACT}) {
            LoggedRequest request = ncmec.requests(step).get(0);
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(request.getBodyAsString()).isEqualTo("id=" + REPORT_ID);
        }
        assertThat(retracted).isInstanceOf(StepAnswer.Done.class);
    }

    @Test
    void wrongCredentialsGetNcmecsEmpty401AndFailAsAuthWithoutRepeatingThem() {
        Map<String, String> settings = NcmecFixtures.settings();
        settings.put("password", "not-the-password");

        ReportingException failure = failure(adapter(settings).open(NcmecFixtures.report(cybertip())));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.exchange().httpStatus()).contains(401);
        assertThat(failure.getMessage()).contains("warden.partners.cybertip.password")
                .doesNotContain("not-the-password");
    }

    @Test
    void aDroppedConnectionIsRetryableAndNamesTheStep() {
        ncmec.answer(Step.UPLOAD, NcmecSimulator.connectionReset());

        ReportingException failure = failure(adapter.upload(REPORT_ID, file(0, FILE_A)));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.exchange().httpStatus()).isEmpty();
        assertThat(failure.getMessage()).startsWith("NCMEC upload:");
    }

    @Test
    void aFinishRetriedAfterALostAnswerIsAlreadyDone() {
        ncmec.answerInSequence(Step.FINISH, NcmecSimulator.connectionReset(),
                NcmecSimulator.code(200, 5102, "Report already finished"));

        assertThat(failure(adapter.finish(REPORT_ID)).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(await(adapter.finish(REPORT_ID))).isInstanceOfSatisfying(StepAnswer.AlreadyDone.class,
                done -> assertThat(done.exchange().partnerCode()).contains("5102"));
    }

    @Test
    void aServerErrorStatusWithResponseCodeZeroIsSuccess() {
        ncmec.answer(Step.SUBMIT, NcmecSimulator.code(500, 0, "Success").withBody(NcmecSimulator.reportResponse(0,
                "Success", "<reportId>99</reportId>")));

        assertThat(refs(await(adapter.open(NcmecFixtures.report(cybertip())))))
                .containsEntry(SteppedReportingAdapter.REPORT_ID, "99");
    }

    @Test
    void aFileAcceptedAfterFailuresAnswersInThatOrder() {
        ncmec.acceptingFileAfter(REPORT_ID, FILE_B, FILE_ID_B, NcmecSimulator.connectionReset(),
                NcmecSimulator.code(200, 1111, "File upload failed"));

        assertThat(failure(adapter.upload(REPORT_ID, file(1, FILE_B))).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure(adapter.upload(REPORT_ID, file(1, FILE_B))).exchange().partnerCode()).contains("1111");
        assertThat(refs(await(adapter.upload(REPORT_ID, file(1, FILE_B)))))
                .containsEntry(SteppedReportingAdapter.FILE_ID, FILE_ID_B);
        assertThat(ncmec.calls(Step.UPLOAD)).isEqualTo(3);
    }

    @Test
    void theSimulatorsResetRemovesOnlyItsOwnStubsAndJournal() {
        server.stubFor(get(urlPathEqualTo("/dsa/api/ping")).willReturn(ok()));
        await(adapter.finish(REPORT_ID));

        ncmec.reset();

        assertThat(server.getStubMappings()).singleElement()
                .satisfies(mapping -> assertThat(mapping.getRequest().getUrlPath()).isEqualTo("/dsa/api/ping"));
        assertThat(ncmec.steps()).isEmpty();
        assertThat(failure(adapter.finish(REPORT_ID)).kind()).as("nothing answers NCMEC's paths any more")
                .isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void nothingIsSentBeforeSubscription() {
        int before = http.requests();

        Uni<StepAnswer> open = adapter.open(NcmecFixtures.report(cybertip()));

        assertThat(http.requests()).isEqualTo(before);
        assertThat(ncmec.calls(Step.SUBMIT)).isZero();
        await(open);
        assertThat(ncmec.calls(Step.SUBMIT)).isEqualTo(1);
    }

    @Test
    void anOpenReportExpiresADayAfterOpeningOrAnHourAfterItsLastChangeWhicheverIsLater() {
        Instant opened = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(adapter.expiresAt(opened, opened)).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(adapter.expiresAt(opened, Instant.parse("2026-12-01T18:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(adapter.expiresAt(opened, Instant.parse("2026-12-02T09:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:30:00Z"));
    }

    private NcmecAdapter adapter(Map<String, String> settings) {
        return NcmecFixtures.adapter(settings, http, URI.create("http://localhost:" + server.port() + "/ispws"));
    }

    private static StepAnswer await(Uni<StepAnswer> step) {
        return step.await().atMost(WAIT);
    }

    private static Map<String, String> refs(StepAnswer answer) {
        assertThat(answer).isInstanceOf(StepAnswer.Done.class);
        return ((StepAnswer.Done) answer).refs();
    }

    private static ReportingException failure(Uni<StepAnswer> step) {
        ReportingException failure = catchThrowableOfType(ReportingException.class, () -> await(step));
        assertThat(failure).as("a ReportingException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(NcmecSimulator.PASSWORD + "@")
                .doesNotContain(new String(Base64.getEncoder().encode("usr:pwd".getBytes(
                        StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        return failure;
    }
}
