package dev.warden.adapters.dsatransparency;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a statement of reasons, in the order of the DSA API documentation: the normalized camelCase name (a
 * member of the request's {@code statementOfReasons}), the DSA's snake_case name, how the value is written and, for
 * enumerated fields, the rule set enumeration that lists the allowed values.
 */
enum DsaField {
    DECISION_VISIBILITY("decisionVisibility", "decision_visibility", Shape.LIST, "decisionVisibility"),
    DECISION_VISIBILITY_OTHER("decisionVisibilityOther", "decision_visibility_other", Shape.TEXT, null),
    DECISION_MONETARY("decisionMonetary", "decision_monetary", Shape.TEXT, "decisionMonetary"),
    DECISION_MONETARY_OTHER("decisionMonetaryOther", "decision_monetary_other", Shape.TEXT, null),
    DECISION_PROVISION("decisionProvision", "decision_provision", Shape.TEXT, "decisionProvision"),
    DECISION_ACCOUNT("decisionAccount", "decision_account", Shape.TEXT, "decisionAccount"),
    ACCOUNT_TYPE("accountType", "account_type", Shape.TEXT, "accountType"),
    DECISION_GROUND("decisionGround", "decision_ground", Shape.TEXT, "decisionGround"),
    DECISION_GROUND_REFERENCE_URL("decisionGroundReferenceUrl", "decision_ground_reference_url", Shape.URL, null),
    ILLEGAL_CONTENT_LEGAL_GROUND("illegalContentLegalGround", "illegal_content_legal_ground", Shape.TEXT, null),
    ILLEGAL_CONTENT_EXPLANATION("illegalContentExplanation", "illegal_content_explanation", Shape.TEXT, null),
    INCOMPATIBLE_CONTENT_GROUND("incompatibleContentGround", "incompatible_content_ground", Shape.TEXT, null),
    INCOMPATIBLE_CONTENT_EXPLANATION("incompatibleContentExplanation", "incompatible_content_explanation",
            Shape.TEXT, null),
    INCOMPATIBLE_CONTENT_ILLEGAL("incompatibleContentIllegal", "incompatible_content_illegal", Shape.YES_NO, null),
    CONTENT_TYPE("contentType", "content_type", Shape.LIST, "contentType"),
    CONTENT_TYPE_OTHER("contentTypeOther", "content_type_other", Shape.TEXT, null),
    CATEGORY("category", "category", Shape.TEXT, "category"),
    CATEGORY_ADDITION("categoryAddition", "category_addition", Shape.LIST, "category"),
    CATEGORY_SPECIFICATION("categorySpecification", "category_specification", Shape.LIST, "categorySpecification"),
    CATEGORY_SPECIFICATION_OTHER("categorySpecificationOther", "category_specification_other", Shape.TEXT, null),
    TERRITORIAL_SCOPE("territorialScope", "territorial_scope", Shape.LIST, "territorialScope"),
    CONTENT_LANGUAGE("contentLanguage", "content_language", Shape.TEXT, null),
    CONTENT_DATE("contentDate", "content_date", Shape.DATE, null),
    APPLICATION_DATE("applicationDate", "application_date", Shape.DATE, null),
    END_DATE_ACCOUNT_RESTRICTION("endDateAccountRestriction", "end_date_account_restriction", Shape.DATE, null),
    END_DATE_MONETARY_RESTRICTION("endDateMonetaryRestriction", "end_date_monetary_restriction", Shape.DATE, null),
    END_DATE_SERVICE_RESTRICTION("endDateServiceRestriction", "end_date_service_restriction", Shape.DATE, null),
    END_DATE_VISIBILITY_RESTRICTION("endDateVisibilityRestriction", "end_date_visibility_restriction", Shape.DATE,
            null),
    DECISION_FACTS("decisionFacts", "decision_facts", Shape.TEXT, null),
    SOURCE_TYPE("sourceType", "source_type", Shape.TEXT, "sourceType"),
    SOURCE_IDENTITY("sourceIdentity", "source_identity", Shape.TEXT, null),
    AUTOMATED_DETECTION("automatedDetection", "automated_detection", Shape.YES_NO, null),
    AUTOMATED_DECISION("automatedDecision", "automated_decision", Shape.TEXT, "automatedDecision"),
    PUID("puid", "puid", Shape.TEXT, null),
    CONTENT_ID("contentId", "content_id", Shape.CONTENT_ID, null);

    /** How a value is written in the normalized report, and so how it is checked and mapped. */
    enum Shape {
        /** A string, sent as it is. */
        TEXT,
        /** An absolute http(s) URL, sent as it is. */
        URL,
        /** A non-empty list of strings. */
        LIST,
        /** A {@code YYYY-MM-DD} date. */
        DATE,
        /** A boolean, sent as the DSA's {@code Yes} or {@code No}. */
        YES_NO,
        /** {@code {"ean13": "<13 digits>"}}, sent as {@code {"EAN-13": …}}. */
        CONTENT_ID
    }

    /** The one key of {@code contentId}, and the DSA's name for it. */
    static final String EAN13 = "ean13";
    static final String WIRE_EAN13 = "EAN-13";

    private static final Map<String, DsaField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DsaField::fieldName, Function.identity()));
    private static final Map<String, DsaField> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DsaField::wireName, Function.identity()));

    private final String fieldName;
    private final String wireName;
    private final Shape shape;
    private final String enumeration;

    DsaField(String fieldName, String wireName, Shape shape, String enumeration) {
        this.fieldName = fieldName;
        this.wireName = wireName;
        this.shape = shape;
        this.enumeration = enumeration;
    }

    String fieldName() {
        return fieldName;
    }

    String wireName() {
        return wireName;
    }

    Shape shape() {
        return shape;
    }

    /** The rule set enumeration that lists the allowed values (of each element, for a list). */
    Optional<String> enumeration() {
        return Optional.ofNullable(enumeration);
    }

    /** The JSON pointer of the field in the normalized report. */
    String pointer() {
        return "/" + fieldName;
    }

    /** Fields a person wrote (facts, explanations, grounds, identities), as opposed to the DSA's vocabulary. */
    static List<DsaField> freeText() {
        return Arrays.stream(values()).filter(field -> (field.shape == Shape.TEXT || field.shape == Shape.URL)
                && field.enumeration == null && field != PUID && field != CONTENT_LANGUAGE).toList();
    }

    static Optional<DsaField> byName(String fieldName) {
        return Optional.ofNullable(BY_NAME.get(fieldName));
    }

    static Optional<DsaField> byWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
