package dev.warden.reports.triggers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a DSA statement of reasons from a decision and a policy's {@code template.*} keys. Each template key is the
 * kebab-case name of a statement field ({@code decision-ground} → {@code decisionGround}); list fields take
 * comma-separated values; {@code territorial-scope} also takes {@code EU} (27 codes) and {@code EEA} (30). Warden
 * fills in what the decision knows: {@code puid} ({@code <puid-prefix>-<moderation id>}), {@code category} and
 * {@code categoryAddition} from the taxonomy ({@code category.<taxonomy>} overrides the default crosswalk),
 * {@code contentType} from the content's parts, the dates, and the automation fields.
 */
final class StatementTemplate {

    static final String PUID_PREFIX = "puid-prefix";
    static final String CATEGORY_PREFIX = "category.";
    static final String FACTS = "facts";

    /** Fields the template may set, by their key; the list fields take comma-separated values. */
    static final Set<String> SCALAR_KEYS = Set.of("decision-visibility-other", "decision-monetary",
            "decision-monetary-other", "decision-provision", "decision-account", "account-type", "decision-ground",
            "decision-ground-reference-url", "illegal-content-legal-ground", "illegal-content-explanation",
            "incompatible-content-ground", "incompatible-content-explanation", "content-type-other", "category",
            "category-specification-other", "content-language", "source-type", "source-identity",
            "automated-decision");
    static final Set<String> LIST_KEYS = Set.of("decision-visibility", "content-type", "category-addition",
            "category-specification", "territorial-scope");
    static final Set<String> BOOLEAN_KEYS = Set.of("incompatible-content-illegal", "automated-detection");

    static final List<String> EU = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    static final List<String> EEA_ONLY = List.of("IS", "LI", "NO");

    /** Warden's taxonomy → the DSA category a statement names by default (ours; the README shows it). */
    static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("harassment", "STATEMENT_CATEGORY_CYBER_VIOLENCE"),
            Map.entry("threat", "STATEMENT_CATEGORY_CYBER_VIOLENCE"),
            Map.entry("hate", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"),
            Map.entry("profanity", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"),
            Map.entry("toxicity", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"),
            Map.entry("sexual", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"),
            Map.entry("sexual_minors", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"),
            Map.entry("violence", "STATEMENT_CATEGORY_VIOLENCE"),
            Map.entry("violence_graphic", "STATEMENT_CATEGORY_VIOLENCE"),
            Map.entry("self_harm", "STATEMENT_CATEGORY_SELF_HARM"),
            Map.entry("illicit", "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS"),
            Map.entry("spam", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
            Map.entry("pii", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS"));

    private static final String DEFAULT_FACTS = "Automated moderation found {categories}; the decision was {decision}.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementTemplate() {
    }

    /** Template keys this builder does not know; start-up fails on any. */
    static Set<String> unknownKeys(Map<String, String> template) {
        return template.keySet().stream().filter(key -> !SCALAR_KEYS.contains(key) && !LIST_KEYS.contains(key)
                && !BOOLEAN_KEYS.contains(key) && !key.equals(PUID_PREFIX) && !key.equals(FACTS)
                && !(key.startsWith(CATEGORY_PREFIX) && CATEGORIES.containsKey(key.substring(CATEGORY_PREFIX
                        .length()))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static ObjectNode build(TriggerFacts facts, Map<String, String> template) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("puid", template.getOrDefault(PUID_PREFIX, "warden") + "-" + facts.moderationId());
        List<String> categories = categories(facts, template);
        if (!categories.isEmpty()) {
            statement.put("category", categories.get(0));
            if (categories.size() > 1) {
                strings(statement.putArray("categoryAddition"), categories.subList(1, categories.size()));
            }
        }
        strings(statement.putArray("contentType"), contentTypes(facts));
        statement.put("contentDate", date(facts.createdAt()).toString());
        statement.put("applicationDate", date(facts.decidedAt()).toString());
        statement.put("automatedDetection", true);
        statement.put("automatedDecision", facts.trigger() == TriggerFacts.Trigger.DECISION
                ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED");
        statement.put("sourceType", "SOURCE_VOLUNTARY");
        statement.put("decisionFacts", template.getOrDefault(FACTS, DEFAULT_FACTS)
                .replace("{categories}", String.join(", ", facts.categories()))
                .replace("{decision}", facts.trigger() == TriggerFacts.Trigger.DECISION ? "automated"
                        : "a reviewer's"));
        template.forEach((key, value) -> {
            if (SCALAR_KEYS.contains(key)) {
                statement.put(field(key), value.trim());
            } else if (BOOLEAN_KEYS.contains(key)) {
                statement.put(field(key), Boolean.parseBoolean(value.trim()));
            } else if (LIST_KEYS.contains(key)) {
                strings(statement.putArray(field(key)), key.equals("territorial-scope") ? territories(value)
                        : values(value));
            }
        });
        return statement;
    }

    /** {@code decision-ground} → {@code decisionGround}; the statement field a template key sets. */
    static String field(String key) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    private static List<String> categories(TriggerFacts facts, Map<String, String> template) {
        Set<String> mapped = new LinkedHashSet<>();
        facts.categories().forEach(category -> {
            String dsa = template.getOrDefault(CATEGORY_PREFIX + category, CATEGORIES.get(category));
            if (dsa != null) {
                mapped.add(dsa);
            }
        });
        return new ArrayList<>(mapped);
    }

    private static List<String> contentTypes(TriggerFacts facts) {
        Set<String> types = new LinkedHashSet<>();
        facts.parts().forEach(part -> types.add("image".equals(part.type()) ? "CONTENT_TYPE_IMAGE"
                : "CONTENT_TYPE_TEXT"));
        return types.isEmpty() ? List.of("CONTENT_TYPE_TEXT") : new ArrayList<>(types);
    }

    private static List<String> territories(String value) {
        Set<String> codes = new LinkedHashSet<>();
        values(value).forEach(code -> {
            switch (code.toUpperCase(Locale.ROOT)) {
                case "EU" -> codes.addAll(EU);
                case "EEA" -> {
                    codes.addAll(EU);
                    codes.addAll(EEA_ONLY);
                }
                default -> codes.add(code);
            }
        });
        return new ArrayList<>(codes);
    }

    private static List<String> values(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
