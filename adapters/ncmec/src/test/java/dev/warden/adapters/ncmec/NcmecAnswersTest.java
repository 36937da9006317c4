package dev.warden.adapters.ncmec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;
import dev.warden.testkit.NcmecSimulator;

/** Every answer shape of partners.md §1.5 and the codes of §1.6, as {@link NcmecAnswers} classifies them. */
class NcmecAnswersTest {

    private static final String HINT = "check warden.partners.cybertip.username";
    private static final String ISO_HEADER = "application/xml;charset=ISO-8859-1";
    private static final ConfidentialText NOTHING_SENT = ConfidentialText.of(new ClassificationInput(List.of()));

    private final NcmecAnswers answers = new NcmecAnswers(HINT);

    @Test
    void submitSuccessAnswersTheReportIdAndTheRequestId() {
        StepAnswer answer = classify(NcmecStep.SUBMIT, 200, NcmecSimulator.reportResponse(0, "Success",
                "<reportId>7855781</reportId>"), Map.of("Request-ID", List.of("req-123")));

        assertThat(answer).isInstanceOfSatisfying(StepAnswer.Done.class, done -> {
            assertThat(done.refs()).containsExactlyEntriesOf(Map.of(SteppedReportingAdapter.REPORT_ID, "7855781"));
            assertThat(done.exchange().httpStatus()).contains(200);
            assertThat(done.exchange().partnerCode()).contains("0");
            assertThat(done.exchange().requestId()).contains("req-123");
        });
    }

    @Test
    void uploadSuccessAnswersTheFileIdAndNcmecsMd5() {
        StepAnswer answer = classify(NcmecStep.UPLOAD, 200, "<reportResponse><responseCode>0</responseCode>"
                + "<responseDescription>Success</responseDescription><reportId>7855770</reportId>"
                + "<fileId>15a2034b50f2a558f6595a2b5e02ccce</fileId><hash>AF3D0406F63A0F99A8684D568A59542F</hash>"
                + "</reportResponse>");

        assertThat(((StepAnswer.Done) answer).refs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SteppedReportingAdapter.REPORT_ID, "7855770",
                SteppedReportingAdapter.FILE_ID, "15a2034b50f2a558f6595a2b5e02ccce",
                SteppedReportingAdapter.FILE_MD5, "af3d0406f63a0f99a8684d568a59542f"));
    }

    @Test
    void finishAnswersTheFilesUnderItsOwnRoot() {
        StepAnswer answer = classify(NcmecStep.FINISH, 200, NcmecSimulator.doneResponse("7855781",
                "15a2034b50f2a558f6595a2b5e02ccce", "b0754af766b426f2928a02c651ed4b99"));

        assertThat(((StepAnswer.Done) answer).refs()).containsEntry(SteppedReportingAdapter.REPORT_ID, "7855781")
                .containsEntry(NcmecAnswers.FILE_IDS,
                        "15a2034b50f2a558f6595a2b5e02ccce,b0754af766b426f2928a02c651ed4b99");
    }

    @Test
    void finishWithoutFilesAnswersAnEmptyList() {
        StepAnswer answer = classify(NcmecStep.FINISH, 200, NcmecSimulator.doneResponse("7855781"));

        assertThat(((StepAnswer.Done) answer).refs()).containsEntry(NcmecAnswers.FILE_IDS, "");
    }

    @Test
    void theResponseCodeDecidesWhateverTheHttpStatus() {
        assertThat(classify(NcmecStep.SUBMIT, 500, NcmecSimulator.reportResponse(0, "Success",
                "<reportId>1</reportId>"))).isInstanceOf(StepAnswer.Done.class);
        assertThat(classify(NcmecStep.SUBMIT, 200, NcmecSimulator.reportResponse(4100, "Validation failed", "")))
                .isInstanceOfSatisfying(StepAnswer.Rejected.class, rejected -> {
                    assertThat(rejected.fileOnly()).isFalse();
                    assertThat(rejected.exchange().message()).contains("4100").contains("Validation failed");
                });
        assertThat(classify(NcmecStep.SUBMIT, 400, NcmecSimulator.reportResponse(4100, "Validation failed", "")))
                .isInstanceOf(StepAnswer.Rejected.class);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "4000, SUBMIT, REJECTED", "4100, SUBMIT, REJECTED", "4110, FILEINFO, REJECTED", "1001, SUBMIT, REJECTED",
            "1210, UPLOAD, REJECTED", "5002, FILEINFO, REJECTED", "4200, UPLOAD, FILE_REJECTED",
            "5001, FINISH, GONE", "5001, UPLOAD, GONE", "5101, FINISH, GONE", "5102, UPLOAD, GONE",
            "5102, FINISH, ALREADY", "5101, RETRACT, ALREADY", "5102, RETRACT, ALREADY",
            "1000, SUBMIT, UNAVAILABLE", "1100, SUBMIT, UNAVAILABLE", "1110, UPLOAD, UNAVAILABLE",
            "1111, UPLOAD, UNAVAILABLE", "1300, FILEINFO, UNAVAILABLE",
            "2000, SUBMIT, AUTH", "3000, FINISH, AUTH", "3100, SUBMIT, AUTH", "3300, UPLOAD, AUTH",
            "7777, SUBMIT, INVALID_RESPONSE"})
    void eachDocumentedCodeHasItsClass(int code, NcmecStep step, String expected) {
        String body = NcmecSimulator.reportResponse(code, "described", "");
        switch (expected) {
            case "REJECTED" -> assertThat(classify(step, 200, body)).isInstanceOfSatisfying(StepAnswer.Rejected.class,
                    rejected -> assertThat(rejected.fileOnly()).isFalse());
            case "FILE_REJECTED" -> assertThat(classify(step, 200, body))
                    .isInstanceOfSatisfying(StepAnswer.Rejected.class, rejected -> assertThat(rejected.fileOnly())
                            .isTrue());
            case "GONE" -> assertThat(classify(step, 200, body)).isInstanceOf(StepAnswer.ReportGone.class);
            case "ALREADY" -> assertThat(classify(step, 200, body))
                    .isInstanceOfSatisfying(StepAnswer.AlreadyDone.class, done -> assertThat(done.exchange()
                            .partnerCode()).contains(Integer.toString(code)));
            default -> {
                ReportingException failure = failure(step, 200, body, Map.of());
                assertThat(failure.kind()).isEqualTo(Kind.valueOf(expected));
                assertThat(failure.exchange().partnerCode()).contains(Integer.toString(code));
            }
        }
    }

    @Test
    void anEmpty401IsACredentialsFailureNamingTheKeysNotNcmecsText() {
        ReportingException failure = failure(NcmecStep.SUBMIT, 401, "", Map.of("WWW-Authenticate",
                List.of("Basic realm=\"ESP Web Services\"")));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.exchange().httpStatus()).contains(401);
        assertThat(failure.exchange().partnerCode()).isEmpty();
        assertThat(failure.getMessage()).contains(HINT);
    }

    @Test
    void a401WithTheOldXmlCode1000IsACredentialsFailureNotAServerError() {
        ReportingException failure = failure(NcmecStep.SUBMIT, 401, NcmecSimulator.reportResponse(1000,
                "Authentication Required for usr123", ""), Map.of());

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.exchange().partnerCode()).contains("1000");
        assertThat(failure.getMessage()).contains(HINT).doesNotContain("usr123");
    }

    @Test
    void withoutAnAnswerTheStatusDecides() {
        assertThat(failure(NcmecStep.UPLOAD, 502, "<html><body>Bad gateway</body></html>", Map.of()).kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure(NcmecStep.UPLOAD, 503, "", Map.of()).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure(NcmecStep.FINISH, 408, "", Map.of()).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure(NcmecStep.FINISH, 404, "Not Found", Map.of()))
                .satisfies(failure -> assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE))
                .hasMessageContaining("base-url");
        assertThat(failure(NcmecStep.SUBMIT, 200, "OK", Map.of()).kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure(NcmecStep.SUBMIT, 200, "<other><responseCode>0</responseCode></other>", Map.of())
                .kind()).as("another root is not an answer").isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void a429WaitsAsNcmecAsks() {
        ReportingException failure = failure(NcmecStep.UPLOAD, 429, "", Map.of("Retry-After", List.of("7")));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void theBytesAreDecodedAsTheirPrologSaysNotAsTheHeaderSays() {
        byte[] utf8 = NcmecSimulator.reportResponse(4100, "Ungültiger Wert für incidentType", "")
                .getBytes(StandardCharsets.UTF_8);

        StepAnswer answer = answers.classify(NcmecStep.SUBMIT, new VendorResponse(200, Map.of("Content-Type",
                List.of(ISO_HEADER)), utf8), NOTHING_SENT);

        assertThat(answer.exchange().message()).contains("Ungültiger Wert für incidentType");
    }

    @Test
    void anAnswerWithADoctypeOrEntityIsRefusedAndNothingIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE reportResponse [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<reportResponse><responseCode>0</responseCode><responseDescription>&xxe;</responseDescription>"
                + "<reportId>1</reportId></reportResponse>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<reportResponse><responseCode>0</responseCode><responseDescription>&b;</responseDescription>"
                + "</reportResponse>";
        String undeclared = "<reportResponse><responseCode>0</responseCode><reportId>&secret;</reportId>"
                + "</reportResponse>";

        for (String body : List.of(xxe, laughs, undeclared)) {
            ReportingException failure = failure(NcmecStep.SUBMIT, 200, body, Map.of());
            assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
            assertThat(failure.getMessage()).doesNotContain("root:").doesNotContain("aaaa");
        }
    }

    @Test
    void aSuccessWithoutTheIdItOpensIsUnreadable() {
        assertThat(failure(NcmecStep.SUBMIT, 200, NcmecSimulator.reportResponse(0, "Success", ""), Map.of())
                .kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure(NcmecStep.UPLOAD, 200, NcmecSimulator.reportResponse(0, "Success",
                "<reportId>1</reportId>"), Map.of()).kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure(NcmecStep.SUBMIT, 200, NcmecSimulator.reportResponse(0, "Success",
                "<reportId>1 OR 1=1</reportId>"), Map.of()).kind()).as("not an id")
                .isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure(NcmecStep.SUBMIT, 200, "<reportResponse><responseCode>zero</responseCode>"
                + "</reportResponse>", Map.of()).kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void aDescriptionQuotingTheReportIsWithheld() {
        ConfidentialText sent = ConfidentialText.of(new ClassificationInput(List.of()), "usr", "pwd")
                .with("streamer42@mail.example");

        StepAnswer answer = answers.classify(NcmecStep.SUBMIT, new VendorResponse(200, Map.of(),
                NcmecSimulator.reportResponse(4100, "cvc-type: value 'streamer42@mail.example' is not valid", "")
                        .getBytes(StandardCharsets.UTF_8)), sent);

        assertThat(answer.exchange().message()).contains("4100").contains(ConfidentialText.WITHHELD)
                .doesNotContain("streamer42");
    }

    @Test
    void aByteOrderMarkOrLeadingWhitespaceStillReadsAsXml() {
        byte[] marked = ("\uFEFF" + NcmecSimulator.reportResponse(0, "Success", "<reportId>5</reportId>"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] indented = " \n<reportResponse><responseCode>0</responseCode><reportId>5</reportId></reportResponse>"
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(marked, indented)) {
            assertThat(answers.classify(NcmecStep.SUBMIT, new VendorResponse(200, Map.of(), body), NOTHING_SENT))
                    .isInstanceOf(StepAnswer.Done.class);
        }
    }

    private StepAnswer classify(NcmecStep step, int status, String body) {
        return classify(step, status, body, Map.of());
    }

    private StepAnswer classify(NcmecStep step, int status, String body, Map<String, List<String>> headers) {
        return answers.classify(step, new VendorResponse(status, headers, body.getBytes(StandardCharsets.UTF_8)),
                NOTHING_SENT);
    }

    private ReportingException failure(NcmecStep step, int status, String body, Map<String, List<String>> headers) {
        ReportingException failure = catchThrowableOfType(ReportingException.class,
                () -> classify(step, status, body, headers));
        assertThat(failure).as("a ReportingException").isNotNull();
        return failure;
    }
}
