package dev.warden.adapters.ncmec;

import static dev.warden.adapters.ncmec.NcmecFixtures.cybertip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.reporting.RuleViolation;

/** What {@code validate} refuses before a report is queued, with pointers into the normalized CyberTip. */
class NcmecRulesTest {

    private final NcmecAdapter adapter = NcmecFixtures.adapter();

    @Test
    void theFixtureReportIsValid() {
        assertThat(adapter.validate(cybertip())).isEmpty();
    }

    @Test
    void theIncidentTypeAndDateAreRequired() {
        ObjectNode content = cybertip();
        incident(content).remove(List.of("type", "dateTime"));

        assertThat(pointers(content)).containsExactly("/incident/type", "/incident/dateTime");
        content.remove("incident");
        assertThat(adapter.validate(content)).containsExactly(new RuleViolation("/incident", "is required"));
    }

    @Test
    void anUnknownIncidentTypeListsTheAllowedValuesAndTheRuleVersion() {
        ObjectNode content = cybertip();
        incident(content).put("type", "Child Pornography");

        assertThat(adapter.validate(content)).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/incident/type");
            assertThat(violation.message()).contains("Child Sex Trafficking").contains("ncmec rules 2026-07");
        });
    }

    @Test
    void theIncidentDateTimeNeedsAnOffsetAndMustBeInThePast() {
        ObjectNode content = cybertip();
        incident(content).put("dateTime", "2026-11-30T12:30:00");
        assertThat(messages(content)).singleElement().asString().contains("ISO-8601 date-time with an offset");

        incident(content).put("dateTime", "2026-02-30T12:30:00Z");
        assertThat(pointers(content)).containsExactly("/incident/dateTime");

        incident(content).put("dateTime", NcmecFixtures.NOW.plusSeconds(60).toString());
        assertThat(messages(content)).containsExactly("must be in the past");
    }

    @Test
    void annotationsAndFileFieldsMustBeKnownValues() {
        ObjectNode content = cybertip();
        incident(content).putArray("annotations").add("sextortion").add("grooming");
        ObjectNode file = evidence(content, 0);
        file.put("relevance", "Primary");
        file.put("industryClassification", "C3");
        file.putArray("annotations").add("infant").add("cartoon");
        ((ObjectNode) content.get("reportedPerson").get("ipEvents").get(0)).put("event", "Download");

        assertThat(pointers(content)).containsExactlyInAnyOrder("/incident/annotations/1",
                "/evidence/0/relevance", "/evidence/0/industryClassification", "/evidence/0/annotations/1",
                "/reportedPerson/ipEvents/0/event");
    }

    @Test
    void onlyAReportedFileMayBeClassifiedOrCalledAPotentialMeme() {
        ObjectNode content = cybertip();
        ObjectNode supplemental = evidence(content, 1);
        supplemental.put("industryClassification", "B2");
        supplemental.putArray("annotations").add("potentialMeme").add("viral");

        assertThat(adapter.validate(content)).extracting(RuleViolation::pointer)
                .containsExactly("/evidence/1/industryClassification", "/evidence/1/annotations/0");
        supplemental.put("relevance", "Reported");
        assertThat(adapter.validate(content)).isEmpty();
    }

    @Test
    void lengthsFollowTheRuleSet() {
        ObjectNode content = cybertip();
        incident(content).put("platform", "p".repeat(257));
        evidence(content, 0).put("fileName", "f".repeat(2057));
        ((ObjectNode) content.get("reportedPerson")).put("espService", "s".repeat(101));

        assertThat(adapter.validate(content)).extracting(RuleViolation::pointer).containsExactly(
                "/incident/platform", "/reportedPerson/espService", "/evidence/0/fileName");
        assertThat(messages(content).get(0)).isEqualTo("must be at most 256 characters (ncmec rules 2026-07)");
        incident(content).put("platform", "p".repeat(256));
        assertThat(pointers(content)).doesNotContain("/incident/platform");
    }

    @Test
    void theReporterNeedsAnEmailFromTheReportOrTheDefaults() {
        ObjectNode content = cybertip();
        ((ObjectNode) content.get("reporter")).remove("email");

        assertThat(adapter.validate(content)).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/reporter/email");
            assertThat(violation.message()).contains("warden.partners.cybertip.reporter.email");
        });
        Map<String, String> settings = NcmecFixtures.settings();
        settings.put("reporter.email", "safety@platform.example");
        NcmecAdapter withDefault = NcmecFixtures.adapter(settings, request -> {
            throw new AssertionError();
        }, NcmecAdapterType.TEST_URL);
        assertThat(withDefault.validate(content)).isEmpty();
        content.remove("reporter");
        assertThat(withDefault.validate(content)).isEmpty();
        ObjectNode wrongEmail = cybertip();
        ((ObjectNode) wrongEmail.get("reporter")).put("email", "no-at-sign");
        assertThat(messages(wrongEmail)).containsExactly("must be an e-mail address");
    }

    @Test
    void typesAreChecked() {
        ObjectNode content = cybertip();
        incident(content).put("webPages", "https://stream.example/c/8812");
        content.put("reporter", "safety@platform.example");
        evidence(content, 0).put("viewedByEsp", "yes");
        ObjectNode event = (ObjectNode) content.get("reportedPerson").get("ipEvents").get(0);
        event.put("port", 70000);
        event.remove("ip");
        ArrayNode evidence = (ArrayNode) content.get("evidence");
        evidence.add("https://evidence.platform.example/f/c.jpg");

        assertThat(pointers(content)).containsExactlyInAnyOrder("/incident/webPages", "/reporter",
                "/reportedPerson/ipEvents/0/ip", "/reportedPerson/ipEvents/0/port", "/evidence/0/viewedByEsp",
                "/evidence/2");
        assertThat(adapter.validate(JsonNodeFactory.instance.arrayNode())).extracting(RuleViolation::pointer)
                .containsExactly("");
    }

    private List<String> pointers(ObjectNode content) {
        return adapter.validate(content).stream().map(RuleViolation::pointer).toList();
    }

    private List<String> messages(ObjectNode content) {
        return adapter.validate(content).stream().map(RuleViolation::message).toList();
    }

    private static ObjectNode incident(ObjectNode content) {
        return (ObjectNode) content.get("incident");
    }

    private static ObjectNode evidence(ObjectNode content, int position) {
        return (ObjectNode) content.get("evidence").get(position);
    }
}
