package dev.warden.reports;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.net.AddressKind;
import dev.warden.net.HostName;
import dev.warden.net.InvalidHost;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.RuleViolation;

/**
 * Warden's own checks of a normalized report, before the partner's rules: the members each format has, which are
 * required, their JSON types, real dates and instants, the {@code puid} Warden dedupes on, and evidence files Warden can
 * fetch (https, hashes it can check, 1 to {@value #MAX_FILES}). Enumerations, lengths and conditional rules are the
 * partner's ({@code ReportingAdapter.validate}). Pure; every problem at once, as JSON pointers into the report.
 */
public final class ReportShape {

    static final int MAX_FILES = 20;
    private static final int MAX_PUID = 500;
    private static final Pattern PUID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    /** What a member holds. */
    private enum Type {
        TEXT, TEXTS, FLAG, DATE, INSTANT, WHOLE, OBJECT, OBJECTS
    }

    private record Member(Type type, boolean required, Map<String, Member> members) {
    }

    private static final Map<String, Member> STATEMENT_OF_REASONS = members(
            "puid", required(Type.TEXT), "decisionVisibility", optional(Type.TEXTS),
            "decisionVisibilityOther", optional(Type.TEXT), "decisionMonetary", optional(Type.TEXT),
            "decisionMonetaryOther", optional(Type.TEXT), "decisionProvision", optional(Type.TEXT),
            "decisionAccount", optional(Type.TEXT), "accountType", optional(Type.TEXT),
            "decisionGround", required(Type.TEXT), "decisionGroundReferenceUrl", optional(Type.TEXT),
            "illegalContentLegalGround", optional(Type.TEXT), "illegalContentExplanation", optional(Type.TEXT),
            "incompatibleContentGround", optional(Type.TEXT), "incompatibleContentExplanation", optional(Type.TEXT),
            "incompatibleContentIllegal", optional(Type.FLAG), "contentType", required(Type.TEXTS),
            "contentTypeOther", optional(Type.TEXT), "category", required(Type.TEXT),
            "categoryAddition", optional(Type.TEXTS), "categorySpecification", optional(Type.TEXTS),
            "categorySpecificationOther", optional(Type.TEXT), "territorialScope", required(Type.TEXTS),
            "contentLanguage", optional(Type.TEXT), "contentDate", required(Type.DATE),
            "applicationDate", required(Type.DATE), "endDateAccountRestriction", optional(Type.DATE),
            "endDateMonetaryRestriction", optional(Type.DATE), "endDateServiceRestriction", optional(Type.DATE),
            "endDateVisibilityRestriction", optional(Type.DATE), "decisionFacts", required(Type.TEXT),
            "sourceType", required(Type.TEXT), "sourceIdentity", optional(Type.TEXT),
            "automatedDetection", required(Type.FLAG), "automatedDecision", required(Type.TEXT),
            "contentId", new Member(Type.OBJECT, false, members("ean13", required(Type.TEXT))));

    private static final Map<String, Member> CYBERTIP = members(
            "incident", new Member(Type.OBJECT, true, members("type", required(Type.TEXT),
                    "dateTime", required(Type.INSTANT), "dateTimeDescription", optional(Type.TEXT),
                    "platform", optional(Type.TEXT), "escalate", optional(Type.TEXT),
                    "annotations", optional(Type.TEXTS), "webPages", optional(Type.TEXTS))),
            "reporter", new Member(Type.OBJECT, false, members("email", optional(Type.TEXT),
                    "firstName", optional(Type.TEXT), "lastName", optional(Type.TEXT), "phone", optional(Type.TEXT),
                    "company", optional(Type.TEXT), "termsOfService", optional(Type.TEXT),
                    "legalUrl", optional(Type.TEXT))),
            "reportedPerson", new Member(Type.OBJECT, false, members("espIdentifier", optional(Type.TEXT),
                    "espService", optional(Type.TEXT), "screenName", optional(Type.TEXT),
                    "displayNames", optional(Type.TEXTS), "emails", optional(Type.TEXTS),
                    "profileUrls", optional(Type.TEXTS),
                    "ipEvents", new Member(Type.OBJECTS, false, members("ip", required(Type.TEXT),
                            "event", optional(Type.TEXT), "dateTime", optional(Type.INSTANT),
                            "port", optional(Type.WHOLE))))),
            "evidence", new Member(Type.OBJECTS, true, members("url", required(Type.TEXT),
                    "fileName", required(Type.TEXT), "sha256", required(Type.TEXT), "md5", optional(Type.TEXT),
                    "relevance", optional(Type.TEXT), "industryClassification", optional(Type.TEXT),
                    "annotations", optional(Type.TEXTS), "publiclyAvailable", optional(Type.FLAG),
                    "viewedByEsp", optional(Type.FLAG), "location", optional(Type.TEXT))),
            "additionalInfo", optional(Type.TEXT));

    private final Set<String> allowedHosts;
    private final Clock clock;

    /** {@code allowedHosts}: canonical host names evidence may be fetched from over plain http. */
    public ReportShape(Set<String> allowedHosts, Clock clock) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.clock = clock;
    }

    public List<RuleViolation> check(ReportFormat format, JsonNode report) {
        List<RuleViolation> problems = new ArrayList<>();
        if (report == null || !report.isObject()) {
            problems.add(new RuleViolation("", "must be an object"));
            return problems;
        }
        switch (format) {
            case STATEMENT_OF_REASONS -> {
                object(report, "", STATEMENT_OF_REASONS, problems);
                puid(report.path("puid"), problems);
            }
            case CYBERTIP -> {
                object(report, "", CYBERTIP, problems);
                incidentInThePast(report.path("incident").path("dateTime"), problems);
                evidence(report.path("evidence"), problems);
            }
        }
        return problems;
    }

    private static void object(JsonNode node, String pointer, Map<String, Member> members,
            List<RuleViolation> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!members.containsKey(name)) {
                problems.add(new RuleViolation(pointer + "/" + name, "is not a field here; known: "
                        + members.keySet()));
            }
        });
        members.forEach((name, member) -> {
            JsonNode value = node.get(name);
            String at = pointer + "/" + name;
            if (value == null || value.isNull()) {
                if (member.required()) {
                    problems.add(new RuleViolation(at, "is required"));
                }
                return;
            }
            member(value, at, member, problems);
        });
    }

    private static void member(JsonNode value, String at, Member member, List<RuleViolation> problems) {
        switch (member.type()) {
            case TEXT -> text(value, at, problems);
            case TEXTS -> {
                if (!value.isArray() || value.isEmpty()) {
                    problems.add(new RuleViolation(at, "must be a list of at least one text"));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    text(value.get(i), at + "/" + i, problems);
                }
            }
            case FLAG -> {
                if (!value.isBoolean()) {
                    problems.add(new RuleViolation(at, "must be true or false"));
                }
            }
            case DATE -> {
                if (!value.isTextual() || !isDate(value.asText())) {
                    problems.add(new RuleViolation(at, "must be a real date as YYYY-MM-DD"));
                }
            }
            case INSTANT -> {
                if (!value.isTextual() || !isInstant(value.asText())) {
                    problems.add(new RuleViolation(at, "must be an ISO-8601 date-time with offset, e.g. "
                            + "2026-11-30T12:30:00Z"));
                }
            }
            case WHOLE -> {
                if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                    problems.add(new RuleViolation(at, "must be a whole number"));
                }
            }
            case OBJECT -> {
                if (value.isObject()) {
                    object(value, at, member.members(), problems);
                } else {
                    problems.add(new RuleViolation(at, "must be an object"));
                }
            }
            case OBJECTS -> {
                if (!value.isArray() || value.isEmpty()) {
                    problems.add(new RuleViolation(at, "must be a list of at least one object"));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    member(value.get(i), at + "/" + i, new Member(Type.OBJECT, true, member.members()), problems);
                }
            }
        }
    }

    private static void text(JsonNode value, String at, List<RuleViolation> problems) {
        if (!value.isTextual()) {
            problems.add(new RuleViolation(at, "must be text"));
        } else if (value.asText().isBlank()) {
            problems.add(new RuleViolation(at, "must not be blank"));
        }
    }

    private static void puid(JsonNode puid, List<RuleViolation> problems) {
        if (puid.isTextual() && !puid.asText().isBlank()
                && (puid.asText().length() > MAX_PUID || !PUID.matcher(puid.asText()).matches())) {
            problems.add(new RuleViolation("/puid", "must be 1 to " + MAX_PUID
                    + " letters, digits, '-' or '_' (^[A-Za-z0-9_-]+$)"));
        }
    }

    private void incidentInThePast(JsonNode dateTime, List<RuleViolation> problems) {
        if (dateTime.isTextual() && isInstant(dateTime.asText())
                && OffsetDateTime.parse(dateTime.asText()).toInstant().isAfter(Instant.now(clock))) {
            problems.add(new RuleViolation("/incident/dateTime", "must be in the past"));
        }
    }

    private void evidence(JsonNode files, List<RuleViolation> problems) {
        if (!files.isArray()) {
            return;
        }
        if (files.size() > MAX_FILES) {
            problems.add(new RuleViolation("/evidence", "must have at most " + MAX_FILES + " files"));
        }
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String at = "/evidence/" + i;
            if (file.path("url").isTextual()) {
                url(file.path("url").asText(), at + "/url", problems);
            }
            hash(file.path("sha256"), SHA256, "64", at + "/sha256", problems);
            hash(file.path("md5"), MD5, "32", at + "/md5", problems);
        }
    }

    private void url(String text, String at, List<RuleViolation> problems) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(new RuleViolation(at, "is not a URL"));
            return;
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null) {
            problems.add(new RuleViolation(at, "must be an absolute https URL without credentials"));
            return;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        HostName host;
        try {
            host = HostName.parse(uri.getHost());
        } catch (InvalidHost e) {
            problems.add(new RuleViolation(at, "has an invalid host"));
            return;
        }
        boolean allowed = allowedHosts.contains(host.text());
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            problems.add(new RuleViolation(at, "must use https"));
        }
        // The fetcher refuses these too; an IP literal is refused here already, so the caller hears it at once.
        host.literal().map(AddressKind::of)
                .filter(kind -> kind == AddressKind.METADATA || kind != AddressKind.PUBLIC && !allowed)
                .ifPresent(kind -> problems.add(new RuleViolation(at, "leads to " + kind.description()
                        + ", which Warden does not fetch evidence from")));
    }

    private static void hash(JsonNode hash, Pattern pattern, String digits, String at,
            List<RuleViolation> problems) {
        if (hash.isTextual() && !hash.asText().isBlank() && !pattern.matcher(hash.asText()).matches()) {
            problems.add(new RuleViolation(at, "must be " + digits + " hex digits"));
        }
    }

    private static boolean isDate(String text) {
        return parses(text, LocalDate::parse);
    }

    private static boolean isInstant(String text) {
        return parses(text, OffsetDateTime::parse);
    }

    private static boolean parses(String text, Function<String, ?> parser) {
        try {
            parser.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Member required(Type type) {
        return new Member(type, true, Map.of());
    }

    private static Member optional(Type type) {
        return new Member(type, false, Map.of());
    }

    /** Members in declaration order, so that problems come in the order a reader expects. */
    private static Map<String, Member> members(Object... namesAndMembers) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndMembers.length; i += 2) {
            members.put((String) namesAndMembers[i], (Member) namesAndMembers[i + 1]);
        }
        return members;
    }
}
