package dev.warden.adapters.ncmec;

import static dev.warden.adapters.ncmec.NcmecFixtures.FILE_A;
import static dev.warden.adapters.ncmec.NcmecFixtures.FILE_B;
import static dev.warden.adapters.ncmec.NcmecFixtures.cybertip;
import static dev.warden.adapters.ncmec.NcmecFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.reporting.RuleSet;

/** The documents NCMEC validates against its XSD, where the order of children matters (P§0.3, P§1.4). */
class CyberTipXmlTest {

    /** partners.md §1.4, "Order of {@code <report>} children (XSD sequence)" [C]. */
    static final List<String> REPORT_ORDER = List.of("batchedReport", "incidentSummary", "internetDetails",
            "lawEnforcement", "reporter", "personOrUserReported", "intendedRecipient", "victim", "additionalInfo");
    /** partners.md §1.4, "{@code incidentSummary} children, in order" [C]. */
    static final List<String> INCIDENT_SUMMARY_ORDER = List.of("incidentType", "platform", "escalateToHighPriority",
            "reportAnnotations", "incidentDateTime", "incidentDateTimeDescription");
    /** partners.md §1.4, "{@code <fileDetails>} for /fileinfo, in order" [C]. */
    static final List<String> FILE_DETAILS_ORDER = List.of("reportId", "fileId", "originalFileName",
            "uploadedToEspTimestamp", "locationOfFile", "fileViewedByEsp", "exifViewedByEsp", "publiclyAvailable",
            "fileRelevance", "fileAnnotations", "industryClassification", "originalFileHash", "ipCaptureEvent",
            "deviceId", "details", "additionalInfo");
    /** The reporter and person types as Nachtalb's schema model declares them [S]. */
    static final List<String> REPORTER_ORDER = List.of("reportingPerson", "contactPerson", "companyTemplate",
            "termsOfService", "legalURL");
    static final List<String> PERSON_ORDER = List.of("firstName", "lastName", "phone", "email", "address", "age",
            "ageAssertionDiscrepancy", "dateOfBirth");
    static final List<String> REPORTED_PERSON_ORDER = List.of("personOrUserReportedPerson", "vehicleDescription",
            "espIdentifier", "espService", "compromisedAccount", "screenName", "displayName", "profileUrl",
            "profileBio", "ipCaptureEvent", "deviceId", "thirdPartyUserReported", "priorCTReports",
            "groupIdentifier", "estimatedLocation", "allEmailsReported", "associatedAccount", "additionalInfo");
    static final List<String> IP_CAPTURE_EVENT_ORDER = List.of("ipAddress", "eventName", "dateTime",
            "possibleProxy", "port");

    private final RuleSet rules = NcmecFixtures.adapter().rules();

    @Test
    void theReportsChildrenFollowTheSchemasSequence() throws Exception {
        Element report = parse(mapper(ReporterDefaults.none(), Optional.empty()).report(cybertip()).toXml());

        assertThat(children(report)).containsExactly("incidentSummary", "internetDetails", "reporter",
                "personOrUserReported", "additionalInfo");
        assertInOrder(report, REPORT_ORDER);
        Element summary = child(report, "incidentSummary");
        assertThat(children(summary)).containsExactly("incidentType", "platform", "reportAnnotations",
                "incidentDateTime", "incidentDateTimeDescription");
        assertInOrder(summary, INCIDENT_SUMMARY_ORDER);
        assertInOrder(child(report, "reporter"), REPORTER_ORDER);
        assertInOrder(child(child(report, "reporter"), "reportingPerson"), PERSON_ORDER);
        Element reported = child(report, "personOrUserReported");
        assertThat(children(reported)).containsExactly("personOrUserReportedPerson", "espIdentifier", "espService",
                "screenName", "displayName", "profileUrl", "ipCaptureEvent");
        assertInOrder(reported, REPORTED_PERSON_ORDER);
        assertInOrder(child(reported, "ipCaptureEvent"), IP_CAPTURE_EVENT_ORDER);
    }

    @Test
    void theReportCarriesTheNormalizedValuesWhereNcmecExpectsThem() throws Exception {
        Element report = parse(mapper(ReporterDefaults.none(), Optional.empty()).report(cybertip()).toXml());

        Element summary = child(report, "incidentSummary");
        assertThat(child(summary, "incidentType").getTextContent())
                .isEqualTo("Child Pornography (possession, manufacture, and distribution)");
        assertThat(child(summary, "incidentDateTime").getTextContent()).isEqualTo("2026-11-30T12:30:00Z");
        assertThat(children(child(summary, "reportAnnotations"))).as("flags in the schema's order, not the caller's")
                .containsExactly("csamSolicitation", "informational");
        assertThat(child(child(child(report, "internetDetails"), "webPageIncident"), "url").getTextContent())
                .isEqualTo("https://stream.example/c/8812");
        Element reporter = child(report, "reporter");
        assertThat(child(child(reporter, "reportingPerson"), "email").getTextContent())
                .isEqualTo("safety@platform.example");
        assertThat(child(reporter, "companyTemplate").getTextContent()).isEqualTo("Example Platform");
        assertThat(child(reporter, "legalURL").getTextContent()).isEqualTo("https://platform.example/legal");
        Element reported = child(report, "personOrUserReported");
        assertThat(child(child(reported, "personOrUserReportedPerson"), "email").getTextContent())
                .isEqualTo("user42@mail.example");
        Element event = child(reported, "ipCaptureEvent");
        assertThat(child(event, "ipAddress").getTextContent()).isEqualTo("203.0.113.7");
        assertThat(child(event, "eventName").getTextContent()).isEqualTo("Upload");
        assertThat(child(event, "port").getTextContent()).isEqualTo("51234");
    }

    @Test
    void theDocumentIsUtf8WithoutANamespaceAndNamesTheSchemaLocation() throws Exception {
        byte[] xml = mapper(ReporterDefaults.none(), Optional.empty()).report(cybertip()).toXml();

        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element report = parse(xml);
        assertThat(report.getLocalName()).isEqualTo("report");
        assertThat(report.getNamespaceURI()).isNull();
        assertThat(report.getAttributeNS(CyberTipReport.XSI, "noNamespaceSchemaLocation"))
                .isEqualTo("https://report.cybertip.org/ispws/xsd");
    }

    @Test
    void textIsEscapedSoContentCannotAddElements() throws Exception {
        ObjectNode content = cybertip();
        String hostile = "a < b & \"c\" ]]> </additionalInfo><victim/> ünïcødé";
        content.put("additionalInfo", hostile);

        Element report = parse(mapper(ReporterDefaults.none(), Optional.empty()).report(content).toXml());

        assertThat(child(report, "additionalInfo").getTextContent()).isEqualTo(hostile);
        assertThat(children(report)).doesNotContain("victim");
    }

    @Test
    void reporterDefaultsFillWhatTheReportLeavesOutAndTheReportWins() throws Exception {
        ObjectNode content = cybertip();
        content.putObject("reporter").put("firstName", "Case").put("company", "Own Company");
        ((ObjectNode) content.get("reportedPerson")).remove("espService");
        ReporterDefaults defaults = ReporterDefaults.read(Map.of("email", "ops@platform.example", "company",
                "Default Company", "last-name", "Desk"), new ProviderSettings("warden.partners.",
                        "cybertip", Map.of()));

        Element report = parse(mapper(defaults, Optional.of("Example Service")).report(content).toXml());

        Element reporter = child(report, "reporter");
        Element person = child(reporter, "reportingPerson");
        assertThat(children(person)).containsExactly("firstName", "lastName", "email");
        assertThat(child(person, "firstName").getTextContent()).isEqualTo("Case");
        assertThat(child(person, "lastName").getTextContent()).isEqualTo("Desk");
        assertThat(child(person, "email").getTextContent()).isEqualTo("ops@platform.example");
        assertThat(child(reporter, "companyTemplate").getTextContent()).isEqualTo("Own Company");
        assertThat(child(child(report, "personOrUserReported"), "espService").getTextContent())
                .isEqualTo("Example Service");
    }

    @Test
    void aMinimalReportHasOnlyWhatTheSchemaRequires() throws Exception {
        ObjectNode content = cybertip();
        content.remove(List.of("reportedPerson", "evidence", "additionalInfo"));
        ((ObjectNode) content.get("incident")).remove(List.of("platform", "annotations", "webPages",
                "dateTimeDescription"));

        Element report = parse(mapper(ReporterDefaults.none(), Optional.empty()).report(content).toXml());

        assertThat(children(report)).containsExactly("incidentSummary", "reporter");
        assertThat(children(child(report, "incidentSummary"))).containsExactly("incidentType", "incidentDateTime");
    }

    @Test
    void fileDetailsFollowTheSchemasSequenceWithBothHashesOfTheBytesSent() throws Exception {
        Element details = parse(mapper(ReporterDefaults.none(), Optional.empty()).fileDetails("4564654",
                "15a2034b50f2a558f6595a2b5e02ccce", file(0, FILE_A), cybertip()).toXml());

        assertThat(details.getLocalName()).isEqualTo("fileDetails");
        assertThat(children(details)).containsExactly("reportId", "fileId", "originalFileName", "locationOfFile",
                "fileViewedByEsp", "publiclyAvailable", "fileRelevance", "fileAnnotations", "industryClassification",
                "originalFileHash", "originalFileHash");
        assertInOrder(details, FILE_DETAILS_ORDER);
        assertThat(child(details, "reportId").getTextContent()).isEqualTo("4564654");
        assertThat(child(details, "fileViewedByEsp").getTextContent()).isEqualTo("true");
        assertThat(child(details, "publiclyAvailable").getTextContent()).isEqualTo("false");
        assertThat(child(details, "industryClassification").getTextContent()).isEqualTo("A1");
        assertThat(children(child(details, "fileAnnotations"))).containsExactly("viral", "generativeAi");
        List<String> hashes = new ArrayList<>();
        for (Node node = details.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals("originalFileHash")) {
                hashes.add(element.getAttribute("hashType") + "=" + element.getTextContent());
            }
        }
        assertThat(hashes).containsExactly("SHA256=" + NcmecFixtures.hex("SHA-256", FILE_A),
                "MD5=" + NcmecFixtures.hex("MD5", FILE_A));
    }

    @Test
    void aSupplementalFileIsDescribedWithoutWhatItDoesNotHave() throws Exception {
        Element details = parse(mapper(ReporterDefaults.none(), Optional.empty()).fileDetails("4564654",
                "b0754af766b426f2928a02c651ed4b99", file(1, FILE_B), cybertip()).toXml());

        assertThat(children(details)).containsExactly("reportId", "fileId", "originalFileName", "fileViewedByEsp",
                "fileRelevance", "originalFileHash", "originalFileHash");
        assertThat(child(details, "originalFileName").getTextContent()).isEqualTo("b.mp4");
        assertThat(child(details, "fileRelevance").getTextContent()).isEqualTo("Supplemental Reported");
    }

    private CyberTipMapper mapper(ReporterDefaults defaults, Optional<String> espService) {
        return new CyberTipMapper(rules, defaults, espService);
    }

    /** Every child is in the schema's list, and they come in its order (repeats allowed for lists). */
    private static void assertInOrder(Element parent, List<String> schemaOrder) {
        List<String> names = children(parent);
        assertThat(schemaOrder).as("children of %s", parent.getLocalName()).containsAll(names);
        List<Integer> positions = names.stream().map(schemaOrder::indexOf).toList();
        assertThat(positions).as("children of %s in schema order: %s", parent.getLocalName(), names).isSorted();
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    private static List<String> children(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError(parent.getLocalName() + " has no " + name);
    }
}
