package dev.warden.spi.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.support.StrictJson;

/**
 * A partner's enumerations and field limits as of one version, read from JSON so that a new enum value the partner
 * adds is a config change ({@code rules-file}), not a release. Shipped rule sets live on the adapter's class path at
 * {@code <type id>/rules/<version>.json}. The document:
 *
 * <pre>
 * {"partnerType": "dsa-transparency", "version": "2025-07-01",
 *  "enumerations": {"decisionGround": ["DECISION_GROUND_ILLEGAL_CONTENT", …]},
 *  "maxLengths": {"decisionFacts": 5000}, "patterns": {"puid": "^[a-zA-Z0-9-_]+$"},
 *  "dates": {"contentDate": {"min": "2000-01-01", "max": "2038-01-01"}}}
 * </pre>
 *
 * Unknown members fail the load: a misspelled rule would otherwise never be applied.
 */
public final class RuleSet {

    /** Which shipped rule set an instance validates with; default: the newest. */
    public static final String VERSION_SETTING = "rules-version";
    /** A rule set file replacing the shipped one. */
    public static final String FILE_SETTING = "rules-file";

    private static final Set<String> MEMBERS = Set.of("partnerType", "version", "enumerations", "maxLengths",
            "patterns", "dates");

    private final String partnerType;
    private final String version;
    private final Map<String, Set<String>> enumerations;
    private final Map<String, Integer> maxLengths;
    private final Map<String, Pattern> patterns;
    private final Map<String, LocalDate> earliest;
    private final Map<String, LocalDate> latest;

    private RuleSet(String partnerType, String version, Map<String, Set<String>> enumerations,
            Map<String, Integer> maxLengths, Map<String, Pattern> patterns, Map<String, LocalDate> earliest,
            Map<String, LocalDate> latest) {
        this.partnerType = partnerType;
        this.version = version;
        this.enumerations = enumerations;
        this.maxLengths = maxLengths;
        this.patterns = patterns;
        this.earliest = earliest;
        this.latest = latest;
    }

    /**
     * The rule set a partner instance uses: {@code rules-file} when set, else the shipped {@code rules-version}
     * (default: the descriptor's newest). Fails start-up, naming the key, when the file is unreadable, malformed or
     * for another partner type.
     */
    public static RuleSet select(ProviderSettings settings, ReportingDescriptor descriptor, Class<?> owner) {
        Optional<String> file = settings.get(FILE_SETTING);
        String version = settings.get(VERSION_SETTING, descriptor.newestRules());
        RuleSet rules;
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
                rules = load(in, settings.key(FILE_SETTING));
            } catch (IOException e) {
                throw new InvalidSettingsException(settings.key(FILE_SETTING) + ": cannot read '" + file.get() + "'");
            }
        } else {
            if (!descriptor.ruleVersions().contains(version)) {
                throw new InvalidSettingsException(settings.key(VERSION_SETTING) + ": no rule set '" + version + "' for "
                        + descriptor.id() + "; shipped: " + descriptor.ruleVersions());
            }
            String resource = descriptor.id() + "/rules/" + version + ".json";
            try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(descriptor.id() + " declares rule set " + version
                            + " but ships no " + resource);
                }
                rules = load(in, resource);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        if (!rules.partnerType().equals(descriptor.id())) {
            throw new InvalidSettingsException(settings.key(FILE_SETTING) + ": the rule set is for '" + rules.partnerType()
                    + "', not " + descriptor.id());
        }
        return rules;
    }

    /** Reads a rule set document; {@code source} names it in messages. */
    public static RuleSet load(InputStream json, String source) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidSettingsException(source + ": not a JSON rule set");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSettingsException(source + ": not a JSON rule set");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                throw new InvalidSettingsException(source + ": unknown member '" + name + "'; known: " + MEMBERS);
            }
        });
        String partnerType = text(root, "partnerType", source);
        String version = text(root, "version", source);
        Map<String, Set<String>> enumerations = new LinkedHashMap<>();
        fields(root, "enumerations", source).forEachRemaining(entry -> {
            if (!entry.getValue().isArray()) {
                throw new InvalidSettingsException(source + ": enumerations." + entry.getKey() + " is not a list");
            }
            Set<String> values = new LinkedHashSet<>();
            entry.getValue().forEach(value -> values.add(value.asText()));
            enumerations.put(entry.getKey(), Collections.unmodifiableSet(values));
        });
        Map<String, Integer> maxLengths = new LinkedHashMap<>();
        fields(root, "maxLengths", source).forEachRemaining(entry -> {
            if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 1) {
                throw new InvalidSettingsException(source + ": maxLengths." + entry.getKey()
                        + " is not a positive whole number");
            }
            maxLengths.put(entry.getKey(), entry.getValue().asInt());
        });
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        fields(root, "patterns", source).forEachRemaining(entry -> {
            try {
                patterns.put(entry.getKey(), Pattern.compile(entry.getValue().asText()));
            } catch (PatternSyntaxException e) {
                throw new InvalidSettingsException(source + ": patterns." + entry.getKey() + " is not a regex");
            }
        });
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        fields(root, "dates", source).forEachRemaining(entry -> {
            date(entry.getValue(), "min", source + ": dates." + entry.getKey())
                    .ifPresent(min -> earliest.put(entry.getKey(), min));
            date(entry.getValue(), "max", source + ": dates." + entry.getKey())
                    .ifPresent(max -> latest.put(entry.getKey(), max));
        });
        return new RuleSet(partnerType, version, Map.copyOf(enumerations), Map.copyOf(maxLengths),
                Map.copyOf(patterns), Map.copyOf(earliest), Map.copyOf(latest));
    }

    public String partnerType() {
        return partnerType;
    }

    public String version() {
        return version;
    }

    /** The allowed values of an enumeration; a name the rule set lacks is a coding error in the adapter. */
    public Set<String> enumeration(String name) {
        Set<String> values = enumerations.get(name);
        if (values == null) {
            throw new IllegalArgumentException(partnerType + " rules " + version + " have no enumeration '" + name
                    + "'");
        }
        return values;
    }

    public OptionalInt maxLength(String field) {
        Integer max = maxLengths.get(field);
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    public Optional<Pattern> pattern(String field) {
        return Optional.ofNullable(patterns.get(field));
    }

    public Optional<LocalDate> earliest(String field) {
        return Optional.ofNullable(earliest.get(field));
    }

    public Optional<LocalDate> latest(String field) {
        return Optional.ofNullable(latest.get(field));
    }

    @Override
    public String toString() {
        return partnerType + " rules " + version;
    }

    private static String text(JsonNode root, String member, String source) {
        JsonNode node = root.get(member);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InvalidSettingsException(source + ": '" + member + "' is required");
        }
        return node.asText();
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode root, String member, String source) {
        JsonNode node = root.get(member);
        if (node == null) {
            return Collections.emptyIterator();
        }
        if (!node.isObject()) {
            throw new InvalidSettingsException(source + ": '" + member + "' is not an object");
        }
        return node.fields();
    }

    private static Optional<LocalDate> date(JsonNode bounds, String member, String source) {
        JsonNode node = bounds.get(member);
        if (node == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.asText()));
        } catch (DateTimeParseException e) {
            throw new InvalidSettingsException(source + "." + member + " is not a YYYY-MM-DD date");
        }
    }
}
