package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A WireMock NCMEC CyberTipline ({@code ispws}, partners.md §1.2, §1.5, §1.8), driven through WireMock's admin API so
 * it works on any WireMock: the adapter's own tests start one, the delivery tests use the shared
 * {@code ReportingPartnersResource} under {@code /ncmec/ispws} ({@link #ofTestResources()}).
 * <p>
 * Stubs answer like the recorded NCMEC: XML with {@code Content-Type: application/xml;charset=ISO-8859-1} over a UTF-8
 * document and a {@code Request-ID} header ({@code req-<step>}); calls without the test credentials get an empty 401
 * (P§1.6 [S]). {@link #accepting} stubs the happy path; {@link #answer} and {@link #answerInSequence} override one
 * step; the journal ({@link #steps()}, {@link #requests}) reads what Warden sent, in arrival order.
 */
public final class NcmecSimulator {

    public static final String USERNAME = "usr";
    public static final String PASSWORD = "pwd";
    /** {@code Basic base64(usr:pwd)}, as partners.md §1.8 stubs it. */
    public static final String BASIC = "Basic dXNyOnB3ZA==";
    public static final String REPORT_ID = "4564654";

    private static final String XML_TYPE = "application/xml;charset=ISO-8859-1";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    /** Overrides win over the happy path, which wins over the credentials check. */
    private static final int OVERRIDE = 1;
    private static final int HAPPY_PATH = 5;
    private static final int UNAUTHORIZED = 10;

    /** The calls of the CyberTipline web service. */
    public enum Step {
        SUBMIT, UPLOAD, FILEINFO, FINISH, RETRACT, STATUS;

        public String path() {
            return "/" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final WireMock admin;
    private final String basePath;

    /** @param basePath where the simulated {@code ispws} is on that WireMock, e.g. {@code /ncmec/ispws} or {@code ""} */
    public NcmecSimulator(WireMock admin, String basePath) {
        this.admin = admin;
        this.basePath = basePath;
    }

    /** The simulator of the Quarkus tests: {@code warden.test.reporting-url} + {@code /ncmec/ispws}. */
    public static NcmecSimulator ofTestResources() {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("warden.test.reporting-url", String.class));
        return new NcmecSimulator(new WireMock(uri.getHost(), uri.getPort()), "/ncmec/ispws");
    }

    /** Removes this simulator's stubs and journal entries only: other partners may share the WireMock. */
    public void reset() {
        admin.allStubMappings().getMappings().stream()
                .filter(mapping -> isMine(mapping.getRequest().getUrlPath(), mapping.getRequest().getUrlPathPattern()))
                .forEach(admin::removeStubMapping);
        admin.removeEvents(anyRequestedFor(urlPathMatching(everyPath())));
    }

    /**
     * The happy path: {@code submit} opens {@code reportId}, {@code fileinfo} and {@code retract} succeed,
     * {@code finish} lists {@code fileIds}, {@code status} names the user; any upload succeeds without a hash
     * (use {@link #acceptingFile} for one whose MD5 is answered). Calls without {@link #BASIC} get an empty 401.
     */
    public NcmecSimulator accepting(String reportId, String... fileIds) {
        admin.register(any(urlPathMatching(everyPath())).atPriority(UNAUTHORIZED)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
                        "Basic realm=\"ESP Web Services\"")));
        happy(Step.SUBMIT, ok(reportResponse(0, "Success", "<reportId>" + reportId + "</reportId>"), Step.SUBMIT));
        happy(Step.UPLOAD, ok(reportResponse(0, "Success", "<reportId>" + reportId
                + "</reportId><fileId>00000000000000000000000000000000</fileId>"), Step.UPLOAD));
        happy(Step.FILEINFO, ok(reportResponse(0, "Success", "<reportId>" + reportId + "</reportId>"),
                Step.FILEINFO));
        happy(Step.FINISH, ok(doneResponse(reportId, fileIds), Step.FINISH));
        happy(Step.RETRACT, ok(reportResponse(0, "Success", "<reportId>" + reportId + "</reportId>"),
                Step.RETRACT));
        admin.register(get(urlPathEqualTo(basePath + Step.STATUS.path())).atPriority(HAPPY_PATH)
                .withHeader("Authorization", equalTo(BASIC))
                .willReturn(ok(reportResponse(0, "Remote User : " + USERNAME + ", Remote Ip : 198.51.100.1", ""),
                        Step.STATUS)));
        return this;
    }

    /** An upload of exactly these bytes answers {@code fileId} and the bytes' MD5, as NCMEC does. */
    public NcmecSimulator acceptingFile(String reportId, byte[] bytes, String fileId) {
        admin.register(upload(bytes).atPriority(OVERRIDE).willReturn(uploaded(reportId, bytes, fileId)));
        return this;
    }

    /** An upload of these bytes answers each of {@code first} once, in order, then accepts the file. */
    public NcmecSimulator acceptingFileAfter(String reportId, byte[] bytes, String fileId,
            ResponseDefinitionBuilder... first) {
        String scenario = scenario("upload " + fileId);
        for (int i = 0; i < first.length; i++) {
            admin.register(upload(bytes).atPriority(OVERRIDE).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i).willSetStateTo("after " + (i + 1))
                    .willReturn(first[i]));
        }
        admin.register(upload(bytes).atPriority(OVERRIDE).inScenario(scenario)
                .whenScenarioStateIs(first.length == 0 ? Scenario.STARTED : "after " + first.length)
                .willReturn(uploaded(reportId, bytes, fileId)));
        return this;
    }

    /** Every call of {@code step} answers {@code response}. */
    public NcmecSimulator answer(Step step, ResponseDefinitionBuilder response) {
        admin.register(call(step).atPriority(OVERRIDE).willReturn(response));
        return this;
    }

    /** Calls of {@code step} answer these in order; the last one repeats. */
    public NcmecSimulator answerInSequence(Step step, ResponseDefinitionBuilder... responses) {
        String scenario = scenario(basePath + step.path());
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder mapping = call(step).atPriority(OVERRIDE).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i);
            if (i < responses.length - 1) {
                mapping.willSetStateTo("after " + (i + 1));
            }
            admin.register(mapping.willReturn(responses[i]));
        }
        return this;
    }

    /** A {@code reportResponse} with this code and description, under this HTTP status, as NCMEC sends it. */
    public static ResponseDefinitionBuilder code(int httpStatus, int responseCode, String description) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", XML_TYPE).withHeader("Request-ID",
                "req-" + responseCode).withBody(reportResponse(responseCode, description, ""));
    }

    /** No body at all: NCMEC's 401 of 2026 (P§1.6 [S]), or a bare 5xx. */
    public static ResponseDefinitionBuilder empty(int httpStatus) {
        return aResponse().withStatus(httpStatus);
    }

    /** The connection drops before an answer: the step may or may not have happened at NCMEC. */
    public static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    public static String reportResponse(int responseCode, String description, String moreElements) {
        return PROLOG + "<reportResponse><responseCode>" + responseCode + "</responseCode><responseDescription>"
                + description + "</responseDescription>" + moreElements + "</reportResponse>";
    }

    public static String doneResponse(String reportId, String... fileIds) {
        StringBuilder files = new StringBuilder();
        Arrays.stream(fileIds).forEach(id -> files.append("<fileId>").append(id).append("</fileId>"));
        return PROLOG + "<reportDoneResponse><responseCode>0</responseCode><reportId>" + reportId + "</reportId>"
                + (fileIds.length == 0 ? "<files/>" : "<files>" + files + "</files>") + "</reportDoneResponse>";
    }

    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The steps Warden called, in arrival order. */
    public List<Step> steps() {
        return served().stream().map(event -> stepOf(event.getRequest().getUrl()).orElseThrow()).toList();
    }

    public int calls(Step step) {
        return requests(step).size();
    }

    /** What Warden sent to {@code step}, in arrival order (multipart parts do not travel through the admin API). */
    public List<LoggedRequest> requests(Step step) {
        return served().stream().map(ServeEvent::getRequest)
                .filter(request -> stepOf(request.getUrl()).orElse(null) == step).toList();
    }

    /** The bodies sent to {@code step} as text, in arrival order (the XML of submit and fileinfo). */
    public List<String> bodies(Step step) {
        return requests(step).stream().map(request -> new String(request.getBody(), StandardCharsets.UTF_8))
                .toList();
    }

    private List<ServeEvent> served() {
        List<ServeEvent> events = new ArrayList<>(admin.getServeEvents().stream()
                .filter(event -> stepOf(event.getRequest().getUrl()).isPresent()).toList());
        // WireMock lists the newest first
        Collections.reverse(events);
        return events;
    }

    private Optional<Step> stepOf(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return Arrays.stream(Step.values()).filter(step -> path.equals(basePath + step.path())).findFirst();
    }

    private boolean isMine(String urlPath, String urlPathPattern) {
        return urlPath != null && urlPath.startsWith(basePath + "/") || everyPath().equals(urlPathPattern);
    }

    private String everyPath() {
        return Pattern.quote(basePath) + "/.*";
    }

    /** A scenario name of its own: WireMock keeps a scenario's state across stub removals. */
    private static String scenario(String what) {
        return what + " " + UUID.randomUUID();
    }

    private void happy(Step step, ResponseDefinitionBuilder response) {
        admin.register(call(step).atPriority(HAPPY_PATH).willReturn(response));
    }

    private MappingBuilder call(Step step) {
        return (step == Step.STATUS ? get(urlPathEqualTo(basePath + step.path()))
                : post(urlPathEqualTo(basePath + step.path()))).withHeader("Authorization", equalTo(BASIC));
    }

    private MappingBuilder upload(byte[] bytes) {
        return call(Step.UPLOAD).withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(bytes)));
    }

    private static ResponseDefinitionBuilder uploaded(String reportId, byte[] bytes, String fileId) {
        return ok(reportResponse(0, "Success", "<reportId>" + reportId + "</reportId><fileId>" + fileId
                + "</fileId><hash>" + md5(bytes) + "</hash>"), Step.UPLOAD);
    }

    private static ResponseDefinitionBuilder ok(String body, Step step) {
        return aResponse().withStatus(200).withHeader("Content-Type", XML_TYPE)
                .withHeader("Request-ID", "req-" + step.name().toLowerCase(Locale.ROOT)).withBody(body);
    }
}
