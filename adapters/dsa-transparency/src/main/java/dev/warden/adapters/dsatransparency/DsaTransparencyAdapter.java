package dev.warden.adapters.dsatransparency;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.Existence;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;
import dev.warden.spi.support.StrictJson;

/**
 * One configured DSA Transparency Database partner: statements of reasons in batches of up to {@code batch.size} to
 * {@code POST /api/v1/statements}, and {@code GET /api/v1/statement/existing-puid/{puid}} to confirm a duplicate.
 * Every call carries {@code Authorization: Bearer}, {@code Accept: application/json} (without it Laravel may answer a
 * validation error with a redirect) and {@code Content-Type: application/json}.
 */
final class DsaTransparencyAdapter implements BatchReportingAdapter {

    static final String STATEMENTS_PATH = "/api/v1/statements";
    static final String EXISTING_PUID_PATH = "/api/v1/statement/existing-puid/";

    /** What may appear in a URL path unencoded; the rule set's puid pattern is the same or narrower. */
    private static final Pattern PATH_SAFE_PUID = Pattern.compile("[A-Za-z0-9_-]{1,500}");

    private final VendorHttp http;
    private final URI baseUrl;
    private final String token;
    private final int maxBatch;
    private final RuleSet rules;
    private final DsaRules checks;

    DsaTransparencyAdapter(VendorHttp http, URI baseUrl, String token, int maxBatch, RuleSet rules, DsaRules checks) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.maxBatch = maxBatch;
        this.rules = rules;
        this.checks = checks;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.STATEMENT_OF_REASONS;
    }

    @Override
    public RuleSet rules() {
        return rules;
    }

    @Override
    public List<RuleViolation> validate(JsonNode content) {
        return checks.validate(content);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public String partnerKey(JsonNode content) {
        JsonNode puid = content.path(DsaField.PUID.fieldName());
        if (!puid.isTextual()) {
            throw new IllegalArgumentException("a statement of reasons without a puid was not validated");
        }
        return puid.asText();
    }

    @Override
    public Uni<BatchAnswer> submit(List<OutgoingReport> batch) {
        return Uni.createFrom().deferred(() -> {
            if (batch.isEmpty() || batch.size() > maxBatch) {
                throw new IllegalArgumentException("a DSA call carries 1 to " + maxBatch + " statements, not "
                        + batch.size());
            }
            List<String> puids = batch.stream().map(report -> partnerKey(report.content())).toList();
            if (new HashSet<>(puids).size() != puids.size()) {
                throw new IllegalArgumentException("a DSA call must not carry a puid twice: the DSA refuses it");
            }
            byte[] body = StrictJson.bytes(DsaStatementMapper.batch(batch));
            return http.send(VendorRequest.postJson(URI.create(baseUrl + STATEMENTS_PATH), authorization(), body))
                    .onFailure().transform(DsaAnswers::transport)
                    .map(response -> DsaAnswers.submitted(response, puids, () -> sent(batch)));
        });
    }

    @Override
    public Uni<Existence> exists(String partnerKey) {
        return Uni.createFrom().deferred(() -> {
            if (!PATH_SAFE_PUID.matcher(partnerKey).matches()) {
                throw new ReportingException(Kind.BAD_REQUEST, Exchange.noAnswer("not a DSA puid: it must match "
                        + PATH_SAFE_PUID.pattern()));
            }
            Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
            return http.send(new VendorRequest("GET", URI.create(baseUrl + EXISTING_PUID_PATH + partnerKey), headers,
                    null))
                    .onFailure().transform(DsaAnswers::transport)
                    .map(response -> DsaAnswers.existence(response, () -> SentText.of(token, List.of())));
        });
    }

    private Map<String, String> authorization() {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** What a partner message must not repeat; enumerated values and puids are the partner's vocabulary. */
    private SentText sent(List<OutgoingReport> batch) {
        return SentText.of(token, batch.stream().flatMap(report -> DsaField.freeText().stream()
                .map(field -> report.content().path(field.fieldName()))
                .filter(JsonNode::isTextual).map(JsonNode::asText)).toList());
    }

    @Override
    public String toString() {
        return "DsaTransparencyAdapter[" + baseUrl + ", batch.size=" + maxBatch + ", " + rules + "]";
    }
}
