package dev.warden.reports.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.Existence;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;

/**
 * A test-only stand-in for the {@code dsa-transparency} type (statements of reasons) for the intake tests until the
 * real adapter is merged: its rules check {@code decisionGround} and {@code category} against the rule set's
 * enumerations, and it never delivers (every call fails as unavailable). It takes the real type's id because
 * {@code warden.partners.<id>.type} accepts only known type names, and is a default bean, so that it steps aside as
 * soon as a real reporting type exists.
 */
@DefaultBean
@ApplicationScoped
public class FakeBatchType implements ReportingAdapterType {

    @Override
    public ReportingDescriptor descriptor() {
        return new ReportingDescriptor("dsa-transparency", "Fake batch partner", ReportFormat.STATEMENT_OF_REASONS,
                SettingsSpec.builder().build(), Map.of(), Map.of(), List.of("1"), 100);
    }

    @Override
    public ReportingAdapter create(ReportingContext context) {
        RuleSet rules = FakeBatchType.FakeRules.rules(context, descriptor());
        return new BatchReportingAdapter() {
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
                List<RuleViolation> violations = new ArrayList<>();
                FakeRules.oneOf(rules, content, "decisionGround", violations);
                FakeRules.oneOf(rules, content, "category", violations);
                return violations;
            }

            @Override
            public URI baseUrl() {
                return context.baseUrl();
            }

            @Override
            public int maxBatch() {
                return 100;
            }

            @Override
            public String partnerKey(JsonNode content) {
                return content.path("puid").asText();
            }

            @Override
            public Uni<BatchAnswer> submit(List<OutgoingReport> batch) {
                return Uni.createFrom().failure(FakeRules.unavailable());
            }

            @Override
            public Uni<Existence> exists(String partnerKey) {
                return Uni.createFrom().failure(FakeRules.unavailable());
            }
        };
    }

    /** The rule checks both fake types share. */
    static final class FakeRules {

        private FakeRules() {
        }

        static void oneOf(RuleSet rules, JsonNode content, String field, List<RuleViolation> violations) {
            JsonNode value = content.path(field);
            if (value.isTextual() && !rules.enumeration(field).contains(value.asText())) {
                violations.add(new RuleViolation("/" + field, "must be one of " + rules.enumeration(field)
                        + " (" + rules + ")"));
            }
        }

        /** {@code rules-file} when configured, else the test rule set {@code reports/api/<type>-rules-1.json}. */
        static RuleSet rules(ReportingContext context, ReportingDescriptor descriptor) {
            if (context.settings().get(RuleSet.FILE_SETTING).isPresent()) {
                return RuleSet.select(context.settings(), descriptor, FakeBatchType.class);
            }
            String resource = "/reports/api/" + descriptor.id() + "-rules-1.json";
            try (InputStream in = FakeBatchType.class.getResourceAsStream(resource)) {
                return RuleSet.load(in, resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static ReportingException unavailable() {
            return new ReportingException(ProviderException.Kind.UNAVAILABLE, Exchange.noAnswer("fake partner"));
        }
    }
}
