package dev.warden.adapters.ncmec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.ProviderSettings;

/**
 * {@code reporter.*}: the platform's reporter as configured, so that a caller (or a policy-built draft) need not
 * repeat it in every CyberTip. The report's own {@code reporter} members win over these.
 */
final class ReporterDefaults {

    /** Setting name under {@code reporter.} → member of the normalized {@code reporter} object. */
    private static final Map<String, String> MEMBERS = Map.of(
            "email", "email",
            "first-name", "firstName",
            "last-name", "lastName",
            "company", "company",
            "terms-of-service", "termsOfService",
            "legal-url", "legalUrl");

    private final Map<String, String> values;

    private ReporterDefaults(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static ReporterDefaults none() {
        return new ReporterDefaults(Map.of());
    }

    static ReporterDefaults read(Map<String, String> children, ProviderSettings source) {
        Map<String, String> values = new LinkedHashMap<>();
        children.forEach((name, value) -> {
            String member = MEMBERS.get(name);
            if (member == null) {
                throw source.invalid(NcmecSettings.REPORTER + "." + name, "is not a reporter field; known: "
                        + new TreeSet<>(MEMBERS.keySet()));
            }
            if (!value.isBlank()) {
                values.put(member, value.trim());
            }
        });
        String email = values.get("email");
        if (email != null && !email.contains("@")) {
            throw source.invalid(NcmecSettings.REPORTER + ".email", "must be an e-mail address");
        }
        return new ReporterDefaults(values);
    }

    /** The report's {@code reporter} with every member it lacks taken from these defaults. */
    JsonNode under(JsonNode reporter) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        values.forEach(merged::put);
        if (reporter != null && reporter.isObject()) {
            reporter.fields().forEachRemaining(member -> {
                if (!member.getValue().isNull()) {
                    merged.set(member.getKey(), member.getValue());
                }
            });
        }
        return merged;
    }

    @Override
    public String toString() {
        return new TreeSet<>(values.keySet()).toString();
    }
}
