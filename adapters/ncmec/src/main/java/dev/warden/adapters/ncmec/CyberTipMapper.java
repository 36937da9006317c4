package dev.warden.adapters.ncmec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.adapters.ncmec.CyberTipReport.IncidentSummary;
import dev.warden.adapters.ncmec.CyberTipReport.IpCaptureEvent;
import dev.warden.adapters.ncmec.CyberTipReport.Person;
import dev.warden.adapters.ncmec.CyberTipReport.ReportedPerson;
import dev.warden.adapters.ncmec.CyberTipReport.Reporter;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.RuleSet;

/**
 * The normalized CyberTip (a report {@link NcmecRules} found valid) as NCMEC's documents. Presence flags are written
 * in the rule set's order, which lists them as the schema does: a rule set that adds a flag places it too.
 */
final class CyberTipMapper {

    private final RuleSet rules;
    private final ReporterDefaults reporterDefaults;
    private final Optional<String> espService;

    CyberTipMapper(RuleSet rules, ReporterDefaults reporterDefaults, Optional<String> espService) {
        this.rules = rules;
        this.reporterDefaults = reporterDefaults;
        this.espService = espService;
    }

    CyberTipReport report(JsonNode content) {
        JsonNode incident = content.path("incident");
        IncidentSummary summary = new IncidentSummary(incident.path("type").asText(), text(incident, "platform"),
                inOrder(incident.path("annotations"), NcmecRules.REPORT_ANNOTATIONS),
                incident.path("dateTime").asText(), text(incident, "dateTimeDescription"));
        JsonNode reporter = reporterDefaults.under(content.get("reporter"));
        Reporter reporting = new Reporter(new Person(text(reporter, "firstName"), text(reporter, "lastName"),
                texts(reporter, "email")), text(reporter, "company"), text(reporter, "termsOfService"),
                text(reporter, "legalUrl"));
        return new CyberTipReport(summary, texts(incident, "webPages"), reporting,
                reportedPerson(content.get("reportedPerson")), text(content, "additionalInfo"));
    }

    /** The details of an uploaded file: the caller's description of it and the hashes of the bytes sent. */
    FileDetails fileDetails(String reportId, String fileId, EvidenceFile file, JsonNode content) {
        JsonNode entry = content.path("evidence").path(file.ref().position());
        return new FileDetails(reportId, fileId, Optional.of(file.ref().fileName()), text(entry, "location"),
                bool(entry, "viewedByEsp"), bool(entry, "publiclyAvailable"), text(entry, "relevance"),
                inOrder(entry.path("annotations"), NcmecRules.FILE_ANNOTATIONS),
                text(entry, "industryClassification"),
                List.of(new FileDetails.Hash("SHA256", file.sha256()), new FileDetails.Hash("MD5", file.md5())));
    }

    private Optional<ReportedPerson> reportedPerson(JsonNode reported) {
        if (reported == null || !reported.isObject()) {
            return Optional.empty();
        }
        Person person = new Person(Optional.empty(), Optional.empty(), texts(reported, "emails"));
        List<IpCaptureEvent> events = new ArrayList<>();
        reported.path("ipEvents").forEach(event -> events.add(new IpCaptureEvent(event.path("ip").asText(),
                text(event, "event"), text(event, "dateTime"),
                event.hasNonNull("port") ? OptionalInt.of(event.get("port").asInt()) : OptionalInt.empty())));
        return Optional.of(new ReportedPerson(person.isEmpty() ? Optional.empty() : Optional.of(person),
                text(reported, "espIdentifier"), text(reported, "espService").or(() -> espService),
                text(reported, "screenName"), texts(reported, "displayNames"), texts(reported, "profileUrls"),
                events));
    }

    private List<String> inOrder(JsonNode flags, String enumeration) {
        List<String> given = new ArrayList<>();
        flags.forEach(flag -> given.add(flag.asText()));
        Set<String> schemaOrder = rules.enumeration(enumeration);
        return schemaOrder.stream().filter(given::contains).toList();
    }

    private static Optional<String> text(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        return node == null || !node.isTextual() || node.asText().isBlank() ? Optional.empty()
                : Optional.of(node.asText());
    }

    /** A member that is one string or a list of strings. */
    private static List<String> texts(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Optional<Boolean> bool(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        return node == null || !node.isBoolean() ? Optional.empty() : Optional.of(node.asBoolean());
    }
}
