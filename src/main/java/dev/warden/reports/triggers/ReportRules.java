package dev.warden.reports.triggers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.Startup;

import dev.warden.config.PoliciesConfig;
import dev.warden.moderation.ReportTriggers;
import dev.warden.reports.ReportingPartner;
import dev.warden.reports.ReportingPartners;
import dev.warden.spi.Category;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.RuleViolation;

/**
 * Every {@code warden.policies.<name>.reports.<partner>} rule, checked at start-up: it names a reporting partner,
 * {@code on} and {@code categories} hold known values, every template key is one the partner's format has, and a
 * report built from the template can pass the partner's rules, so a policy never files reports that can only fail.
 * A draft rule (default for CyberTips, whose evidence hashes an operator adds) may leave fields open, but never set
 * one wrongly.
 */
@Startup
@ApplicationScoped
public class ReportRules {

    private final Map<String, Map<String, Rule>> byPolicy;

    /** One policy's rule for one partner, resolved. */
    record Rule(ReportingPartner partner, PoliciesConfig.ReportRule config, boolean draft) {
        Map<String, String> template() {
            return config.template();
        }
    }

    ReportRules(PoliciesConfig policies, ReportingPartners partners) {
        this.byPolicy = policies.all().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                policy -> policy.getValue().reports().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, rule -> resolve(policy.getKey(), rule.getKey(), rule.getValue(),
                                partners)))));
    }

    Optional<Rule> find(String policy, String partner) {
        return Optional.ofNullable(byPolicy.getOrDefault(policy, Map.of()).get(partner));
    }

    static Rule resolve(String policy, String partnerId, PoliciesConfig.ReportRule config,
            ReportingPartners partners) {
        String prefix = "warden.policies." + policy + ".reports." + partnerId + ".";
        ReportingPartner partner = partners.find(partnerId).orElseThrow(() -> new InvalidSettingsException(prefix
                .substring(0, prefix.length() - 1) + " names no reporting partner; configured: " + partners.ids()));
        if (config.on().isEmpty()) {
            throw new InvalidSettingsException(prefix + "on is required: one or more of "
                    + new TreeSet<>(ReportTriggers.ON_VALUES));
        }
        config.on().forEach(on -> {
            if (!ReportTriggers.ON_VALUES.contains(on)) {
                throw new InvalidSettingsException(prefix + "on: '" + on + "' is not one of "
                        + new TreeSet<>(ReportTriggers.ON_VALUES));
            }
        });
        config.categories().orElse(List.of()).forEach(category -> {
            if (Category.fromWireName(category).isEmpty()) {
                throw new InvalidSettingsException(prefix + "categories: '" + category + "' is not a taxonomy v1"
                        + " category");
            }
        });
        ReportFormat format = partner.adapter().format();
        Set<String> unknown = format == ReportFormat.CYBERTIP ? CybertipTemplate.unknownKeys(config.template())
                : StatementTemplate.unknownKeys(config.template());
        if (!unknown.isEmpty()) {
            throw new InvalidSettingsException(prefix + "template: unknown keys " + unknown.stream()
                    .map(key -> prefix + "template." + key).toList());
        }
        boolean draft = config.draft().orElse(format == ReportFormat.CYBERTIP);
        checkSample(prefix, partner, config, draft);
        return new Rule(partner, config, draft);
    }

    /** Builds the report the rule would file for a sample decision and lets the partner's rules judge it. */
    private static void checkSample(String prefix, ReportingPartner partner, PoliciesConfig.ReportRule config,
            boolean draft) {
        List<String> categories = config.categories().filter(list -> !list.isEmpty())
                .orElse(List.of(Category.HARASSMENT.wireName()));
        TriggerFacts sample = new TriggerFacts(new UUID(0, 1), TriggerFacts.Trigger.DECISION, categories,
                List.of(new TriggerFacts.Part("text", Optional.empty())), Instant.now(), Instant.now(), Map.of());
        ObjectNode content = ReportContent.build(partner.adapter().format(), sample, config.template());
        List<RuleViolation> violations = partner.adapter().validate(content).stream()
                .filter(violation -> !draft || config.template().containsKey(templateKey(violation)))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidSettingsException(prefix + "template: a report built from it breaks "
                    + partner.id() + "'s rules: " + violations.stream()
                            .map(violation -> templateKey(violation) + " (" + violation.message() + ")").toList()
                    + (draft ? "" : "; set these template keys, or make the rule a draft (" + prefix
                            + "draft=true)"));
        }
    }

    /** {@code /decisionGround/0} → {@code decision-ground}: the template key that sets the field. */
    static String templateKey(RuleViolation violation) {
        String pointer = violation.pointer().startsWith("/") ? violation.pointer().substring(1)
                : violation.pointer();
        String field = pointer.contains("/") ? pointer.substring(0, pointer.indexOf('/')) : pointer;
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
