package dev.warden.reports.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;

/**
 * A test-only stand-in for the {@code ncmec} type (CyberTips) for the intake tests until the real adapter is merged:
 * its rules check each file's {@code relevance}, and it never delivers. A default bean under the real id, as
 * {@link FakeBatchType}.
 */
@DefaultBean
@ApplicationScoped
public class FakeSteppedType implements ReportingAdapterType {

    @Override
    public ReportingDescriptor descriptor() {
        return new ReportingDescriptor("ncmec", "Fake stepped partner", ReportFormat.CYBERTIP,
                SettingsSpec.builder().build(), Map.of(), Map.of(), List.of("1"), 1);
    }

    @Override
    public ReportingAdapter create(ReportingContext context) {
        RuleSet rules = FakeBatchType.FakeRules.rules(context, descriptor());
        return new SteppedReportingAdapter() {
            @Override
            public ReportFormat format() {
                return ReportFormat.CYBERTIP;
            }

            @Override
            public RuleSet rules() {
                return rules;
            }

            @Override
            public List<RuleViolation> validate(JsonNode content) {
                List<RuleViolation> violations = new ArrayList<>();
                JsonNode files = content.path("evidence");
                for (int i = 0; i < files.size(); i++) {
                    JsonNode relevance = files.get(i).path("relevance");
                    if (relevance.isTextual() && !rules.enumeration("relevance").contains(relevance.asText())) {
                        violations.add(new RuleViolation("/evidence/" + i + "/relevance", "must be one of "
                                + rules.enumeration("relevance") + " (" + rules + ")"));
                    }
                }
                return violations;
            }

            @Override
            public URI baseUrl() {
                return context.baseUrl();
            }

            @Override
            public Uni<StepAnswer> open(OutgoingReport report) {
                return never();
            }

            @Override
            public Uni<StepAnswer> upload(String partnerReportId, EvidenceFile file) {
                return never();
            }

            @Override
            public Uni<StepAnswer> describeFile(String partnerReportId, String partnerFileId, EvidenceFile file,
                    OutgoingReport report) {
                return never();
            }

            @Override
            public Uni<StepAnswer> finish(String partnerReportId) {
                return never();
            }

            @Override
            public Uni<StepAnswer> retract(String partnerReportId) {
                return never();
            }

            @Override
            public Instant expiresAt(Instant openedAt, Instant lastChange) {
                return openedAt.plus(Duration.ofHours(24));
            }

            private Uni<StepAnswer> never() {
                return Uni.createFrom().failure(FakeBatchType.FakeRules.unavailable());
            }
        };
    }
}
