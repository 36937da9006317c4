package dev.warden.adapters.dsatransparency;

import static dev.warden.adapters.dsatransparency.DsaField.APPLICATION_DATE;
import static dev.warden.adapters.dsatransparency.DsaField.AUTOMATED_DECISION;
import static dev.warden.adapters.dsatransparency.DsaField.AUTOMATED_DETECTION;
import static dev.warden.adapters.dsatransparency.DsaField.CATEGORY;
import static dev.warden.adapters.dsatransparency.DsaField.CONTENT_DATE;
import static dev.warden.adapters.dsatransparency.DsaField.CONTENT_TYPE;
import static dev.warden.adapters.dsatransparency.DsaField.CONTENT_TYPE_OTHER;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_ACCOUNT;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_FACTS;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_GROUND;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_MONETARY;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_MONETARY_OTHER;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_PROVISION;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_VISIBILITY;
import static dev.warden.adapters.dsatransparency.DsaField.DECISION_VISIBILITY_OTHER;
import static dev.warden.adapters.dsatransparency.DsaField.END_DATE_ACCOUNT_RESTRICTION;
import static dev.warden.adapters.dsatransparency.DsaField.END_DATE_MONETARY_RESTRICTION;
import static dev.warden.adapters.dsatransparency.DsaField.END_DATE_SERVICE_RESTRICTION;
import static dev.warden.adapters.dsatransparency.DsaField.END_DATE_VISIBILITY_RESTRICTION;
import static dev.warden.adapters.dsatransparency.DsaField.ILLEGAL_CONTENT_EXPLANATION;
import static dev.warden.adapters.dsatransparency.DsaField.ILLEGAL_CONTENT_LEGAL_GROUND;
import static dev.warden.adapters.dsatransparency.DsaField.INCOMPATIBLE_CONTENT_EXPLANATION;
import static dev.warden.adapters.dsatransparency.DsaField.INCOMPATIBLE_CONTENT_GROUND;
import static dev.warden.adapters.dsatransparency.DsaField.INCOMPATIBLE_CONTENT_ILLEGAL;
import static dev.warden.adapters.dsatransparency.DsaField.PUID;
import static dev.warden.adapters.dsatransparency.DsaField.SOURCE_IDENTITY;
import static dev.warden.adapters.dsatransparency.DsaField.SOURCE_TYPE;
import static dev.warden.adapters.dsatransparency.DsaField.TERRITORIAL_SCOPE;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;

/**
 * A statement of reasons checked against the DSA's {@code StatementStoreRequest} rules as of one rule set: shapes,
 * required fields, enumerations, lengths, patterns and date bounds from the rule set, and the conditional rules the
 * API applies (one of the four decisions; an {@code *Other} text exactly when its {@code *_OTHER} value is chosen;
 * the ground's own explanation fields and no others; end dates not before the application date). Pure: no I/O.
 */
final class DsaRules {

    /**
     * Always required. {@code territorialScope} is required by the DSA documentation but nullable in its code
     * (partners.md §2.3, §7.9): Warden requires it, so a report never depends on which of the two is right.
     */
    private static final List<DsaField> REQUIRED = List.of(DECISION_GROUND, CONTENT_TYPE, CATEGORY,
            TERRITORIAL_SCOPE, CONTENT_DATE, APPLICATION_DATE, DECISION_FACTS, SOURCE_TYPE, AUTOMATED_DETECTION,
            AUTOMATED_DECISION, PUID);
    private static final List<DsaField> DECISIONS = List.of(DECISION_VISIBILITY, DECISION_MONETARY,
            DECISION_PROVISION, DECISION_ACCOUNT);
    private static final List<DsaField> END_DATES = List.of(END_DATE_ACCOUNT_RESTRICTION,
            END_DATE_MONETARY_RESTRICTION, END_DATE_SERVICE_RESTRICTION, END_DATE_VISIBILITY_RESTRICTION);
    private static final List<DsaField> ILLEGAL_FIELDS = List.of(ILLEGAL_CONTENT_LEGAL_GROUND,
            ILLEGAL_CONTENT_EXPLANATION);
    private static final List<DsaField> INCOMPATIBLE_FIELDS = List.of(INCOMPATIBLE_CONTENT_GROUND,
            INCOMPATIBLE_CONTENT_EXPLANATION);

    static final String VISIBILITY_OTHER = "DECISION_VISIBILITY_OTHER";
    static final String MONETARY_OTHER = "DECISION_MONETARY_OTHER";
    static final String CONTENT_TYPE_OTHER_VALUE = "CONTENT_TYPE_OTHER";
    static final String GROUND_ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT";
    static final String GROUND_INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
    static final String SOURCE_VOLUNTARY = "SOURCE_VOLUNTARY";

    /** Rule set key of the {@code contentId.ean13} pattern. */
    static final String EAN13_RULE = "contentId." + DsaField.EAN13;

    /** Enumerations longer than this are named, not listed, in a message. */
    private static final int LISTED_VALUES = 16;

    private final RuleSet rules;

    /** Fails, naming {@code source}, when the rule set lacks an enumeration the rules need. */
    DsaRules(RuleSet rules, String source) {
        this.rules = rules;
        Arrays.stream(DsaField.values()).map(DsaField::enumeration).flatMap(Optional::stream).forEach(name -> {
            try {
                rules.enumeration(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(source + ": the rule set has no enumeration '" + name + "'");
            }
        });
    }

    List<RuleViolation> validate(JsonNode content) {
        if (content == null || !content.isObject()) {
            return List.of(new RuleViolation("", "must be a JSON object"));
        }
        Check check = new Check(content);
        content.fieldNames().forEachRemaining(name -> {
            if (DsaField.byName(name).isEmpty()) {
                check.violation("/" + name, "is not a field of a DSA statement of reasons");
            }
        });
        Arrays.stream(DsaField.values()).filter(check::present).forEach(check::value);
        REQUIRED.stream().filter(field -> !check.present(field))
                .forEach(field -> check.violation(field.pointer(), "is required"));
        check.conditions();
        return List.copyOf(check.violations);
    }

    /** One validation: the content, what is wrong with it so far, and which fields have a well-formed value. */
    private final class Check {

        private final JsonNode content;
        private final List<RuleViolation> violations = new ArrayList<>();

        Check(JsonNode content) {
            this.content = content;
        }

        void violation(String pointer, String message) {
            violations.add(new RuleViolation(pointer, message));
        }

        boolean present(DsaField field) {
            JsonNode node = content.get(field.fieldName());
            return node != null && !node.isNull();
        }

        private JsonNode node(DsaField field) {
            return content.get(field.fieldName());
        }

        /** Whether the field holds a value, and that value passed its own checks. */
        private boolean wellFormed(DsaField field) {
            String pointer = field.pointer();
            return present(field) && violations.stream().noneMatch(violation -> violation.pointer().equals(pointer)
                    || violation.pointer().startsWith(pointer + "/"));
        }

        void value(DsaField field) {
            JsonNode node = node(field);
            String pointer = field.pointer();
            switch (field.shape()) {
                case TEXT -> text(field, node, pointer);
                case URL -> url(field, node, pointer);
                case LIST -> list(field, node, pointer);
                case DATE -> date(field, node, pointer);
                case YES_NO -> {
                    if (!node.isBoolean()) {
                        violation(pointer, "must be true or false");
                    }
                }
                case CONTENT_ID -> contentId(node, pointer);
            }
        }

        private void text(DsaField field, JsonNode node, String pointer) {
            if (!node.isTextual() || node.asText().isBlank()) {
                violation(pointer, "must be a non-empty string");
                return;
            }
            String text = node.asText();
            rules.maxLength(field.fieldName()).ifPresent(max -> {
                if (text.length() > max) {
                    violation(pointer, "must be at most " + max + " characters (" + rules + ")");
                }
            });
            rules.pattern(field.fieldName()).ifPresent(pattern -> matches(pattern, text, pointer));
            field.enumeration().ifPresent(name -> member(name, text, pointer));
        }

        private void url(DsaField field, JsonNode node, String pointer) {
            text(field, node, pointer);
            if (!wellFormed(field)) {
                return;
            }
            try {
                URI uri = new URI(node.asText());
                if (!uri.isAbsolute() || uri.getHost() == null
                        || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    violation(pointer, "must be an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                violation(pointer, "must be an absolute http(s) URL");
            }
        }

        private void list(DsaField field, JsonNode node, String pointer) {
            if (!node.isArray() || node.isEmpty()) {
                violation(pointer, "must be a non-empty list");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String at = pointer + "/" + i;
                if (!element.isTextual()) {
                    violation(at, "must be a string");
                } else {
                    field.enumeration().ifPresent(name -> member(name, element.asText(), at));
                }
            }
        }

        private void date(DsaField field, JsonNode node, String pointer) {
            Optional<LocalDate> date = node.isTextual() ? parse(node.asText()) : Optional.empty();
            if (date.isEmpty()) {
                violation(pointer, "must be a date written YYYY-MM-DD");
                return;
            }
            rules.earliest(field.fieldName()).filter(min -> date.get().isBefore(min))
                    .ifPresent(min -> violation(pointer, "must be on or after " + min + " (" + rules + ")"));
            rules.latest(field.fieldName()).filter(max -> date.get().isAfter(max))
                    .ifPresent(max -> violation(pointer, "must be on or before " + max + " (" + rules + ")"));
        }

        private void contentId(JsonNode node, String pointer) {
            if (!node.isObject() || node.size() != 1 || !node.has(DsaField.EAN13)) {
                violation(pointer, "must be an object with one member, " + DsaField.EAN13);
                return;
            }
            JsonNode ean13 = node.get(DsaField.EAN13);
            String at = pointer + "/" + DsaField.EAN13;
            if (!ean13.isTextual()) {
                violation(at, "must be a string of 13 digits");
                return;
            }
            rules.pattern(EAN13_RULE).ifPresent(pattern -> matches(pattern, ean13.asText(), at));
        }

        private void matches(Pattern pattern, String text, String pointer) {
            if (!pattern.matcher(text).matches()) {
                violation(pointer, "must match " + pattern.pattern() + " (" + rules + ")");
            }
        }

        private void member(String enumeration, String value, String pointer) {
            Set<String> allowed = rules.enumeration(enumeration);
            if (!allowed.contains(value)) {
                violation(pointer, allowed.size() <= LISTED_VALUES
                        ? "must be one of " + String.join(", ", allowed) + " (" + rules + ")"
                        : "must be one of the " + allowed.size() + " values of " + enumeration + " (" + rules + ")");
            }
        }

        void conditions() {
            if (DECISIONS.stream().noneMatch(this::present)) {
                violation(DECISION_VISIBILITY.pointer(), "one of decisionVisibility, decisionMonetary,"
                        + " decisionProvision or decisionAccount is required");
            }
            otherText(DECISION_VISIBILITY, VISIBILITY_OTHER, DECISION_VISIBILITY_OTHER);
            otherText(DECISION_MONETARY, MONETARY_OTHER, DECISION_MONETARY_OTHER);
            otherText(CONTENT_TYPE, CONTENT_TYPE_OTHER_VALUE, CONTENT_TYPE_OTHER);
            ground();
            if (present(SOURCE_IDENTITY) && chosen(SOURCE_TYPE, SOURCE_VOLUNTARY)) {
                violation(SOURCE_IDENTITY.pointer(), "is not allowed with " + SOURCE_VOLUNTARY
                        + " (the DSA drops it)");
            }
            if (wellFormed(APPLICATION_DATE)) {
                LocalDate applied = LocalDate.parse(node(APPLICATION_DATE).asText());
                END_DATES.stream().filter(this::wellFormed)
                        .filter(field -> LocalDate.parse(node(field).asText()).isBefore(applied))
                        .forEach(field -> violation(field.pointer(), "must not be before applicationDate"));
            }
        }

        /** {@code other} is required when {@code choice} holds {@code otherValue}, and refused otherwise. */
        private void otherText(DsaField choice, String otherValue, DsaField other) {
            if (present(choice) && !wellFormed(choice)) {
                return;
            }
            boolean chosen = chosen(choice, otherValue);
            if (chosen && !present(other)) {
                violation(other.pointer(), "is required when " + choice.fieldName() + " is " + otherValue);
            } else if (!chosen && present(other)) {
                violation(other.pointer(), "is only allowed when " + choice.fieldName() + " is " + otherValue
                        + " (the DSA drops it otherwise)");
            }
        }

        private void ground() {
            if (!wellFormed(DECISION_GROUND)) {
                return;
            }
            boolean illegal = chosen(DECISION_GROUND, GROUND_ILLEGAL);
            boolean incompatible = chosen(DECISION_GROUND, GROUND_INCOMPATIBLE);
            groundFields(ILLEGAL_FIELDS, illegal, GROUND_ILLEGAL);
            groundFields(INCOMPATIBLE_FIELDS, incompatible, GROUND_INCOMPATIBLE);
            if (!incompatible && present(INCOMPATIBLE_CONTENT_ILLEGAL)) {
                violation(INCOMPATIBLE_CONTENT_ILLEGAL.pointer(), "is only allowed when decisionGround is "
                        + GROUND_INCOMPATIBLE);
            }
        }

        private void groundFields(List<DsaField> fields, boolean groundChosen, String ground) {
            for (DsaField field : fields) {
                if (groundChosen && !present(field)) {
                    violation(field.pointer(), "is required when decisionGround is " + ground);
                } else if (!groundChosen && present(field)) {
                    violation(field.pointer(), "is only allowed when decisionGround is " + ground);
                }
            }
        }

        /** Whether a well-formed field holds {@code value} (a list: as one of its elements). */
        private boolean chosen(DsaField field, String value) {
            if (!wellFormed(field)) {
                return false;
            }
            JsonNode node = node(field);
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (value.equals(element.asText())) {
                        return true;
                    }
                }
                return false;
            }
            return value.equals(node.asText());
        }
    }

    private static Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
