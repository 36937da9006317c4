package dev.warden.adapters.ncmec;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;

/**
 * Checks a normalized CyberTip against what NCMEC's schema and documented rules accept (P§1.4), so that a report
 * NCMEC would refuse with 4100 fails at the API instead. Enumerations and lengths come from the rule set; the rules
 * that are logic stay here: {@code incidentDateTime} is in the past (Coop [S]), only a {@code Reported} file may carry
 * an industry classification or the {@code potentialMeme} flag (Nachtalb [S]), and the reporter has an e-mail
 * address once {@code reporter.*} defaults are applied.
 */
final class NcmecRules {

    static final String INCIDENT_TYPE = "incidentType";
    static final String REPORT_ANNOTATIONS = "reportAnnotations";
    static final String FILE_ANNOTATIONS = "fileAnnotations";
    static final String FILE_RELEVANCE = "fileRelevance";
    static final String INDUSTRY_CLASSIFICATION = "industryClassification";
    static final String IP_EVENT_NAME = "ipCaptureEventName";

    private static final List<String> ENUMERATIONS = List.of(INCIDENT_TYPE, REPORT_ANNOTATIONS, FILE_ANNOTATIONS,
            FILE_RELEVANCE, INDUSTRY_CLASSIFICATION, IP_EVENT_NAME);
    /** The one relevance under which a file may be classified or called a potential meme. */
    private static final String REPORTED = "Reported";
    private static final String POTENTIAL_MEME = "potentialMeme";
    private static final int MAX_PORT = 65535;

    private final RuleSet rules;
    private final ReporterDefaults reporterDefaults;
    private final String reporterEmailKey;
    private final Clock clock;

    /**
     * @param reporterEmailKey the full name of the {@code reporter.email} setting, for the message that asks for it
     * @throws InvalidSettingsException when the rule set lacks an enumeration the checks use (a replaced
     *                                  {@code rules-file} must keep them all)
     */
    NcmecRules(RuleSet rules, ReporterDefaults reporterDefaults, String reporterEmailKey, String rulesSource,
            Clock clock) {
        for (String enumeration : ENUMERATIONS) {
            try {
                rules.enumeration(enumeration);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(rulesSource + ": the rule set has no enumeration '" + enumeration
                        + "'; an NCMEC rule set needs " + ENUMERATIONS);
            }
        }
        this.rules = rules;
        this.reporterDefaults = reporterDefaults;
        this.reporterEmailKey = reporterEmailKey;
        this.clock = clock;
    }

    RuleSet rules() {
        return rules;
    }

    /** Every enumerated value: words a partner's message may repeat without quoting the report. */
    Set<String> enumeratedValues() {
        Set<String> values = new HashSet<>();
        ENUMERATIONS.forEach(name -> values.addAll(rules.enumeration(name)));
        return values;
    }

    List<RuleViolation> validate(JsonNode content) {
        Violations found = new Violations();
        if (content == null || !content.isObject()) {
            found.add("", "must be a CyberTip object");
            return found.list;
        }
        incident(content.get("incident"), found);
        reporter(content, found);
        JsonNode reported = content.get("reportedPerson");
        if (reported != null && found.object(reported, "/reportedPerson")) {
            reportedPerson(reported, found);
        }
        JsonNode evidence = content.get("evidence");
        if (evidence != null && found.array(evidence, "/evidence")) {
            for (int i = 0; i < evidence.size(); i++) {
                if (found.object(evidence.get(i), "/evidence/" + i)) {
                    evidenceFile(evidence.get(i), "/evidence/" + i, found);
                }
            }
        }
        found.text(content, "additionalInfo", "", null);
        return found.list;
    }

    private void incident(JsonNode incident, Violations found) {
        if (incident == null) {
            found.add("/incident", "is required");
            return;
        }
        if (!found.object(incident, "/incident")) {
            return;
        }
        if (!incident.hasNonNull("type")) {
            found.add("/incident/type", "is required");
        } else {
            found.oneOf(incident.get("type"), "/incident/type", INCIDENT_TYPE);
        }
        if (!incident.hasNonNull("dateTime")) {
            found.add("/incident/dateTime", "is required");
        } else {
            found.pastDateTime(incident.get("dateTime"), "/incident/dateTime");
        }
        found.text(incident, "platform", "/incident", "incident.platform");
        found.text(incident, "dateTimeDescription", "/incident", "incident.dateTimeDescription");
        found.each(incident, "annotations", "/incident", (value, pointer) -> found.oneOf(value, pointer,
                REPORT_ANNOTATIONS));
        found.each(incident, "webPages", "/incident", (value, pointer) -> found.string(value, pointer, null));
    }

    private void reporter(JsonNode content, Violations found) {
        JsonNode own = content.get("reporter");
        if (own != null && !found.object(own, "/reporter")) {
            return;
        }
        JsonNode reporter = reporterDefaults.under(own);
        if (!reporter.hasNonNull("email")) {
            found.add("/reporter/email", "is required (in the report, or as " + reporterEmailKey + ")");
        } else if (found.string(reporter.get("email"), "/reporter/email", "reporter.email")
                && !reporter.get("email").asText().contains("@")) {
            found.add("/reporter/email", "must be an e-mail address");
        }
        found.text(reporter, "firstName", "/reporter", "reporter.firstName");
        found.text(reporter, "lastName", "/reporter", "reporter.lastName");
        found.text(reporter, "company", "/reporter", null);
        found.text(reporter, "termsOfService", "/reporter", null);
        found.text(reporter, "legalUrl", "/reporter", "reporter.legalUrl");
    }

    private void reportedPerson(JsonNode reported, Violations found) {
        found.text(reported, "espIdentifier", "/reportedPerson", "reportedPerson.espIdentifier");
        found.text(reported, "espService", "/reportedPerson", "reportedPerson.espService");
        found.text(reported, "screenName", "/reportedPerson", "reportedPerson.screenName");
        found.each(reported, "displayNames", "/reportedPerson", (value, pointer) -> found.string(value, pointer,
                null));
        found.each(reported, "profileUrls", "/reportedPerson", (value, pointer) -> found.string(value, pointer,
                null));
        found.each(reported, "emails", "/reportedPerson", (value, pointer) -> found.string(value, pointer,
                "reportedPerson.emails"));
        found.each(reported, "ipEvents", "/reportedPerson", (event, pointer) -> {
            if (!found.object(event, pointer)) {
                return;
            }
            if (!event.hasNonNull("ip")) {
                found.add(pointer + "/ip", "is required");
            } else {
                found.string(event.get("ip"), pointer + "/ip", null);
            }
            if (event.hasNonNull("event")) {
                found.oneOf(event.get("event"), pointer + "/event", IP_EVENT_NAME);
            }
            if (event.hasNonNull("dateTime")) {
                found.pastDateTime(event.get("dateTime"), pointer + "/dateTime");
            }
            JsonNode port = event.get("port");
            if (port != null && !port.isNull()
                    && (!port.canConvertToInt() || !port.isIntegralNumber() || port.asInt() < 1
                            || port.asInt() > MAX_PORT)) {
                found.add(pointer + "/port", "must be a whole number within 1.." + MAX_PORT);
            }
        });
    }

    private void evidenceFile(JsonNode file, String at, Violations found) {
        found.text(file, "fileName", at, "evidence.fileName");
        found.text(file, "location", at, "evidence.location");
        found.bool(file, "publiclyAvailable", at);
        found.bool(file, "viewedByEsp", at);
        boolean reported = true;
        if (file.hasNonNull("relevance")) {
            found.oneOf(file.get("relevance"), at + "/relevance", FILE_RELEVANCE);
            reported = REPORTED.equals(file.get("relevance").asText());
        }
        if (file.hasNonNull("industryClassification")) {
            if (found.oneOf(file.get("industryClassification"), at + "/industryClassification",
                    INDUSTRY_CLASSIFICATION) && !reported) {
                found.add(at + "/industryClassification", "is allowed only on a file whose relevance is "
                        + REPORTED);
            }
        }
        boolean onlyReported = reported;
        found.each(file, "annotations", at, (value, pointer) -> {
            if (found.oneOf(value, pointer, FILE_ANNOTATIONS) && !onlyReported
                    && POTENTIAL_MEME.equals(value.asText())) {
                found.add(pointer, POTENTIAL_MEME + " is allowed only on a file whose relevance is " + REPORTED);
            }
        });
    }

    /** The violations of one report, in the order found. */
    private final class Violations {

        @FunctionalInterface
        interface Item {
            void check(JsonNode value, String pointer);
        }

        final List<RuleViolation> list = new ArrayList<>();

        void add(String pointer, String message) {
            list.add(new RuleViolation(pointer, message));
        }

        boolean object(JsonNode node, String pointer) {
            if (!node.isObject()) {
                add(pointer, "must be an object");
                return false;
            }
            return true;
        }

        boolean array(JsonNode node, String pointer) {
            if (!node.isArray()) {
                add(pointer, "must be a list");
                return false;
            }
            return true;
        }

        /** A string within the rule set's length for {@code lengthRule}, if it names one. */
        boolean string(JsonNode node, String pointer, String lengthRule) {
            if (!node.isTextual() || node.asText().isBlank()) {
                add(pointer, "must be a non-blank string");
                return false;
            }
            if (lengthRule != null) {
                int length = node.asText().codePointCount(0, node.asText().length());
                rules.maxLength(lengthRule).ifPresent(max -> {
                    if (length > max) {
                        add(pointer, "must be at most " + max + " characters (" + rules + ")");
                    }
                });
            }
            return true;
        }

        /** An optional string member. */
        void text(JsonNode parent, String member, String at, String lengthRule) {
            JsonNode node = parent.get(member);
            if (node != null && !node.isNull()) {
                string(node, at + "/" + member, lengthRule);
            }
        }

        void bool(JsonNode parent, String member, String at) {
            JsonNode node = parent.get(member);
            if (node != null && !node.isNull() && !node.isBoolean()) {
                add(at + "/" + member, "must be true or false");
            }
        }

        boolean oneOf(JsonNode node, String pointer, String enumeration) {
            Set<String> allowed = rules.enumeration(enumeration);
            if (!node.isTextual() || !allowed.contains(node.asText())) {
                add(pointer, "must be one of " + allowed + " (" + rules + ")");
                return false;
            }
            return true;
        }

        void pastDateTime(JsonNode node, String pointer) {
            if (!node.isTextual()) {
                add(pointer, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-15T12:30:00Z");
                return;
            }
            try {
                OffsetDateTime at = OffsetDateTime.parse(node.asText());
                if (at.toInstant().isAfter(clock.instant())) {
                    add(pointer, "must be in the past");
                }
            } catch (DateTimeParseException e) {
                add(pointer, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-15T12:30:00Z");
            }
        }

        /** Each item of an optional list member. */
        void each(JsonNode parent, String member, String at, Item check) {
            JsonNode node = parent.get(member);
            if (node == null || node.isNull() || !array(node, at + "/" + member)) {
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check.check(node.get(i), at + "/" + member + "/" + i);
            }
        }
    }
}
