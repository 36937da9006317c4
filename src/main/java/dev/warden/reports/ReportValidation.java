package dev.warden.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.config.ReportsConfig;
import dev.warden.providers.MediaSettings;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.RuleViolation;

/**
 * Everything wrong with a report for one partner, before anything is stored: Warden's shape ({@link ReportShape}),
 * then the partner's rules ({@code ReportingAdapter.validate}), each problem named by its request field. A field
 * Warden already refused is not refused a second time by the partner's rules.
 */
@ApplicationScoped
public class ReportValidation {

    private final ReportShape shape;

    @Inject
    ReportValidation(ReportsConfig config) {
        this(new ReportShape(MediaSettings.canonical(config.allowedHosts().orElse(List.of())), Clock.systemUTC()));
    }

    ReportValidation(ReportShape shape) {
        this.shape = shape;
    }

    public List<ReportProblem> problems(ReportingPartner partner, JsonNode content) {
        ReportFormat format = partner.descriptor().format();
        List<RuleViolation> violations = new ArrayList<>(shape.check(format, content));
        Set<String> refused = new HashSet<>();
        violations.forEach(violation -> refused.add(violation.pointer()));
        if (content != null && content.isObject()) {
            partnerRules(partner, content, !violations.isEmpty()).stream()
                    .filter(violation -> !refused.contains(violation.pointer()))
                    .forEach(violations::add);
        }
        return violations.stream()
                .map(violation -> new ReportProblem(ReportPaths.field(format, violation.pointer()),
                        violation.message()))
                .toList();
    }

    /**
     * The partner's rules. On a report Warden already found malformed an adapter may stumble over a member of the
     * wrong type; those problems are reported already, so its failure is not a second one.
     */
    private static List<RuleViolation> partnerRules(ReportingPartner partner, JsonNode content, boolean malformed) {
        try {
            return partner.adapter().validate(content);
        } catch (RuntimeException stumbled) {
            if (malformed) {
                return List.of();
            }
            throw stumbled;
        }
    }
}
