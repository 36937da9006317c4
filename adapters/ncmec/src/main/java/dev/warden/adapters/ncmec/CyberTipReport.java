package dev.warden.adapters.ncmec;

import static dev.warden.adapters.ncmec.XmlOut.element;
import static dev.warden.adapters.ncmec.XmlOut.flags;
import static dev.warden.adapters.ncmec.XmlOut.text;
import static dev.warden.adapters.ncmec.XmlOut.texts;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code <report>} of {@code POST /submit}, as far as the normalized CyberTip fills it. Each record's components
 * are its children in the XSD's sequence (P§1.4 [C]): NCMEC refuses children out of order (responseCode 4100), so
 * {@code write} follows the declaration order and nothing else. Elements the normalized report cannot carry
 * ({@code batchedReport}, {@code lawEnforcement}, {@code intendedRecipient}, {@code victim}) are left out, which the
 * schema allows.
 */
record CyberTipReport(IncidentSummary incidentSummary, List<String> webPageUrls, Reporter reporter,
        Optional<ReportedPerson> personOrUserReported, Optional<String> additionalInfo) {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String SCHEMA_LOCATION = "https://report.cybertip.org/ispws/xsd";

    CyberTipReport {
        webPageUrls = List.copyOf(webPageUrls);
    }

    byte[] toXml() {
        return XmlOut.document(xml -> {
            xml.writeStartElement("report");
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "noNamespaceSchemaLocation", SCHEMA_LOCATION);
            incidentSummary.write(xml);
            if (!webPageUrls.isEmpty()) {
                element(xml, "internetDetails", details -> element(details, "webPageIncident",
                        incident -> texts(incident, "url", webPageUrls)));
            }
            reporter.write(xml);
            if (personOrUserReported.isPresent()) {
                personOrUserReported.get().write(xml);
            }
            text(xml, "additionalInfo", additionalInfo);
            xml.writeEndElement();
        });
    }

    /** {@code annotations}: presence flags, already in the schema's order. */
    record IncidentSummary(String incidentType, Optional<String> platform, List<String> annotations,
            String incidentDateTime, Optional<String> incidentDateTimeDescription) {

        IncidentSummary {
            annotations = List.copyOf(annotations);
        }

        void write(XMLStreamWriter xml) throws XMLStreamException {
            element(xml, "incidentSummary", summary -> {
                text(summary, "incidentType", incidentType);
                text(summary, "platform", platform);
                flags(summary, "reportAnnotations", annotations);
                text(summary, "incidentDateTime", incidentDateTime);
                text(summary, "incidentDateTimeDescription", incidentDateTimeDescription);
            });
        }
    }

    /** NCMEC's person type, as far as used: {@code firstName}, {@code lastName}, then {@code email*}. */
    record Person(Optional<String> firstName, Optional<String> lastName, List<String> emails) {

        Person {
            emails = List.copyOf(emails);
        }

        boolean isEmpty() {
            return firstName.isEmpty() && lastName.isEmpty() && emails.isEmpty();
        }

        void write(XMLStreamWriter xml, String name) throws XMLStreamException {
            element(xml, name, person -> {
                text(person, "firstName", firstName);
                text(person, "lastName", lastName);
                texts(person, "email", emails);
            });
        }
    }

    record Reporter(Person reportingPerson, Optional<String> companyTemplate, Optional<String> termsOfService,
            Optional<String> legalUrl) {

        void write(XMLStreamWriter xml) throws XMLStreamException {
            element(xml, "reporter", reporter -> {
                reportingPerson.write(reporter, "reportingPerson");
                text(reporter, "companyTemplate", companyTemplate);
                text(reporter, "termsOfService", termsOfService);
                text(reporter, "legalURL", legalUrl);
            });
        }
    }

    record ReportedPerson(Optional<Person> person, Optional<String> espIdentifier, Optional<String> espService,
            Optional<String> screenName, List<String> displayNames, List<String> profileUrls,
            List<IpCaptureEvent> ipCaptureEvents) {

        ReportedPerson {
            displayNames = List.copyOf(displayNames);
            profileUrls = List.copyOf(profileUrls);
            ipCaptureEvents = List.copyOf(ipCaptureEvents);
        }

        void write(XMLStreamWriter xml) throws XMLStreamException {
            element(xml, "personOrUserReported", reported -> {
                if (person.isPresent()) {
                    person.get().write(reported, "personOrUserReportedPerson");
                }
                text(reported, "espIdentifier", espIdentifier);
                text(reported, "espService", espService);
                text(reported, "screenName", screenName);
                texts(reported, "displayName", displayNames);
                texts(reported, "profileUrl", profileUrls);
                for (IpCaptureEvent event : ipCaptureEvents) {
                    event.write(reported);
                }
            });
        }
    }

    record IpCaptureEvent(String ipAddress, Optional<String> eventName, Optional<String> dateTime,
            OptionalInt port) {

        void write(XMLStreamWriter xml) throws XMLStreamException {
            element(xml, "ipCaptureEvent", event -> {
                text(event, "ipAddress", ipAddress);
                text(event, "eventName", eventName);
                text(event, "dateTime", dateTime);
                if (port.isPresent()) {
                    text(event, "port", Integer.toString(port.getAsInt()));
                }
            });
        }
    }

    /** Never prints the report: it is personal data. */
    @Override
    public String toString() {
        return "CyberTipReport[" + incidentSummary.incidentType() + "]";
    }
}
