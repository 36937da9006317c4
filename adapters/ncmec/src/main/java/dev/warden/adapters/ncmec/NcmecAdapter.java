package dev.warden.adapters.ncmec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;
import dev.warden.spi.support.FormBody;
import dev.warden.spi.support.MultipartBody;

/**
 * One configured CyberTipline partner: each method is one call to NCMEC's ESP web service (P§1.2 [C]) with HTTP
 * Basic credentials, answered as {@link NcmecAnswers} classifies it. The core persists every id a step answers before
 * it takes the next step; this class keeps no state between calls.
 */
final class NcmecAdapter implements SteppedReportingAdapter {

    /** NCMEC deletes an unfinished report 24 h after it was opened or 1 h after its last change, whichever is later. */
    static final Duration OPEN_WINDOW = Duration.ofHours(24);
    static final Duration AFTER_CHANGE_WINDOW = Duration.ofHours(1);

    private static final String XML_CONTENT_TYPE = "text/xml; charset=utf-8";
    /** NCMEC answers XML; a JSON-only Accept (the support pack's default) could be refused by its negotiation. */
    private static final String ACCEPT = "application/xml, text/xml, */*";
    private static final ClassificationInput NO_CONTENT = new ClassificationInput(List.of());

    private final URI baseUrl;
    private final VendorHttp http;
    private final NcmecSettings settings;
    private final NcmecRules rules;
    private final CyberTipMapper mapper;
    private final NcmecAnswers answers;
    private final String authorization;
    private final Set<String> enumeratedValues;

    NcmecAdapter(URI baseUrl, VendorHttp http, NcmecSettings settings, NcmecRules rules, NcmecAnswers answers) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.settings = settings;
        this.rules = rules;
        this.mapper = new CyberTipMapper(rules.rules(), settings.reporter(), settings.espService());
        this.answers = answers;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":"
                + settings.password()).getBytes(StandardCharsets.UTF_8));
        this.enumeratedValues = rules.enumeratedValues();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CYBERTIP;
    }

    @Override
    public RuleSet rules() {
        return rules.rules();
    }

    @Override
    public List<RuleViolation> validate(JsonNode content) {
        return rules.validate(content);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public Uni<StepAnswer> open(OutgoingReport report) {
        return call(NcmecStep.SUBMIT, () -> xml(NcmecStep.SUBMIT, mapper.report(report.content()).toXml()),
                confidential(report.content()));
    }

    @Override
    public Uni<StepAnswer> upload(String partnerReportId, EvidenceFile file) {
        return call(NcmecStep.UPLOAD, () -> {
            MultipartBody body = MultipartBody.of().field("id", partnerReportId)
                    .file("file", file.ref().fileName(), file.contentType(), file.bytes());
            return request(NcmecStep.UPLOAD, body.contentType(), body.bytes());
        }, credentials().with(file.ref().fileName(), file.ref().url()));
    }

    @Override
    public Uni<StepAnswer> describeFile(String partnerReportId, String partnerFileId, EvidenceFile file,
            OutgoingReport report) {
        return call(NcmecStep.FILEINFO, () -> xml(NcmecStep.FILEINFO,
                mapper.fileDetails(partnerReportId, partnerFileId, file, report.content()).toXml()),
                confidential(report.content()));
    }

    @Override
    public Uni<StepAnswer> finish(String partnerReportId) {
        return call(NcmecStep.FINISH, () -> form(NcmecStep.FINISH, partnerReportId), credentials());
    }

    @Override
    public Uni<StepAnswer> retract(String partnerReportId) {
        return call(NcmecStep.RETRACT, () -> form(NcmecStep.RETRACT, partnerReportId), credentials());
    }

    @Override
    public Instant expiresAt(Instant openedAt, Instant lastChange) {
        Instant afterOpen = openedAt.plus(OPEN_WINDOW);
        Instant afterChange = lastChange.plus(AFTER_CHANGE_WINDOW);
        return afterOpen.isAfter(afterChange) ? afterOpen : afterChange;
    }

    /**
     * One exchange, built on subscription. A transport failure (no answer at all) arrives as a
     * {@link ReportingException} of the same kind, so that the core records the step it happened at.
     */
    private Uni<StepAnswer> call(NcmecStep step, Supplier<VendorRequest> request, ConfidentialText sent) {
        return Uni.createFrom().deferred(() -> http.send(request.get()))
                .map(response -> answers.classify(step, response, sent))
                .onFailure(failure -> failure instanceof ProviderException && !(failure instanceof ReportingException))
                .transform(failure -> {
                    ProviderException transport = (ProviderException) failure;
                    return new ReportingException(transport.kind(), Exchange.noAnswer(NcmecAnswers.VENDOR + " "
                            + step.wireName() + ": " + transport.getMessage()), transport.retryAfter());
                });
    }

    private VendorRequest xml(NcmecStep step, byte[] document) {
        return request(step, XML_CONTENT_TYPE, document);
    }

    /** finish and retract take the report id as a form field; NCMEC accepts it urlencoded (P§1.2 [C]). */
    private VendorRequest form(NcmecStep step, String partnerReportId) {
        return request(step, FormBody.CONTENT_TYPE, FormBody.of().field("id", partnerReportId).bytes());
    }

    private VendorRequest request(NcmecStep step, String contentType, byte[] body) {
        return new VendorRequest("POST", URI.create(baseUrl + step.path()), Map.of("Authorization", authorization,
                "Content-Type", contentType, "Accept", ACCEPT), body);
    }

    private ConfidentialText credentials() {
        return ConfidentialText.of(NO_CONTENT, settings.username(), settings.password());
    }

    /** The credentials and every value of the report but the enumerated ones, which NCMEC's messages may name. */
    private ConfidentialText confidential(JsonNode content) {
        List<String> values = new ArrayList<>();
        collectText(content, values);
        return credentials().with(values.toArray(String[]::new));
    }

    private void collectText(JsonNode node, List<String> values) {
        if (node.isTextual()) {
            if (!enumeratedValues.contains(node.asText())) {
                values.add(node.asText());
            }
        } else if (node.isNumber()) {
            values.add(node.asText());
        } else {
            node.forEach(child -> collectText(child, values));
        }
    }

    /** Never prints the credentials. */
    @Override
    public String toString() {
        return "NcmecAdapter[" + baseUrl + ", " + rules.rules() + "]";
    }
}
