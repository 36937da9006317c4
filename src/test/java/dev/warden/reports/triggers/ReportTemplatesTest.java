package dev.warden.reports.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.reports.triggers.TriggerFacts.Part;
import dev.warden.reports.triggers.TriggerFacts.Trigger;

class ReportTemplatesTest {

    private static final UUID MODERATION = UUID.fromString("0b5f3a52-8c1e-4a53-9d0e-6a1f2e1d9c11");
    private static final Instant CREATED = Instant.parse("2026-11-30T23:59:30Z");
    private static final Instant DECIDED = Instant.parse("2026-12-01T00:00:02Z");

    private static TriggerFacts facts(Trigger trigger, List<String> categories, List<Part> parts,
            Map<String, String> context) {
        return new TriggerFacts(MODERATION, trigger, categories, parts, CREATED, DECIDED, context);
    }

    @Test
    void aStatementTakesWhatTheDecisionKnowsAndTheRestFromTheTemplate() {
        JsonNode statement = StatementTemplate.build(facts(Trigger.DECISION, List.of("hate", "harassment", "spam"),
                List.of(new Part("text", Optional.empty()), new Part("image", Optional.of("https://i.example/a.png"))),
                Map.of()), Map.of("decision-visibility", "DECISION_VISIBILITY_CONTENT_REMOVED, "
                        + "DECISION_VISIBILITY_CONTENT_LABELLED",
                        "decision-ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                        "incompatible-content-illegal", "false", "territorial-scope", "EU",
                        "puid-prefix", "eu", "category.spam", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
                        "facts", "Found {categories}."));

        assertThat(statement.path("puid").asText()).isEqualTo("eu-" + MODERATION);
        assertThat(statement.path("category").asText()).isEqualTo("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
        assertThat(statement.path("categoryAddition")).extracting(JsonNode::asText)
                .containsExactly("STATEMENT_CATEGORY_CYBER_VIOLENCE", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
        assertThat(statement.path("contentType")).extracting(JsonNode::asText)
                .containsExactly("CONTENT_TYPE_TEXT", "CONTENT_TYPE_IMAGE");
        assertThat(statement.path("decisionVisibility")).extracting(JsonNode::asText).containsExactly(
                "DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_LABELLED");
        assertThat(statement.path("decisionGround").asText()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(statement.path("incompatibleContentIllegal").isBoolean()).isTrue();
        assertThat(statement.path("territorialScope")).hasSize(27);
        assertThat(statement.path("contentDate").asText()).isEqualTo("2026-11-30");
        assertThat(statement.path("applicationDate").asText()).isEqualTo("2026-12-01");
        assertThat(statement.path("automatedDetection").asBoolean()).isTrue();
        assertThat(statement.path("automatedDecision").asText()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(statement.path("sourceType").asText()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(statement.path("decisionFacts").asText()).isEqualTo("Found hate, harassment, spam.");
    }

    @Test
    void aReviewersBlockIsNotAnAutomatedDecisionAndTheTemplateMayOverrideTheDefaults() {
        JsonNode statement = StatementTemplate.build(facts(Trigger.REVIEW, List.of("threat"), List.of(), Map.of()),
                Map.of("territorial-scope", "EEA,CH", "source-type", "SOURCE_ARTICLE_16"));

        assertThat(statement.path("automatedDecision").asText()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(statement.path("sourceType").asText()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(statement.path("territorialScope")).hasSize(31).extracting(JsonNode::asText)
                .contains("NO", "IS", "LI", "CH");
        assertThat(statement.path("puid").asText()).isEqualTo("warden-" + MODERATION);
    }

    @Test
    void templateKeysOutsideTheStatementAreReported() {
        assertThat(StatementTemplate.unknownKeys(Map.of("decision-ground", "x", "decision-grund", "y",
                "category.sexual_minors", "z", "category.nonsense", "w", "facts", "f")))
                .containsExactly("category.nonsense", "decision-grund");
        assertThat(CybertipTemplate.unknownKeys(Map.of("incident-type", "x", "decision-ground", "y")))
                .containsExactly("decision-ground");
    }

    @Test
    void aCybertipDraftCarriesTheIncidentTheAccountAndEachImageWithoutHashes() {
        JsonNode cybertip = CybertipTemplate.build(facts(Trigger.REVIEW, List.of("sexual_minors"),
                List.of(new Part("text", Optional.empty()), new Part("image", Optional.of("https://i.example/f/a.jpg")),
                        new Part("image", Optional.of("https://i.example/"))),
                Map.of("userId", "user-42")), Map.of("platform", "Stream chat", "annotations", "sextortion, spam"));

        assertThat(cybertip.at("/incident/type").asText()).isEqualTo(CybertipTemplate.DEFAULT_INCIDENT);
        assertThat(cybertip.at("/incident/dateTime").asText()).isEqualTo("2026-11-30T23:59:30Z");
        assertThat(cybertip.at("/incident/platform").asText()).isEqualTo("Stream chat");
        assertThat(cybertip.at("/incident/annotations")).extracting(JsonNode::asText)
                .containsExactly("sextortion", "spam");
        assertThat(cybertip.at("/reportedPerson/espIdentifier").asText()).isEqualTo("user-42");
        assertThat(cybertip.path("evidence")).hasSize(2);
        assertThat(cybertip.at("/evidence/0/url").asText()).isEqualTo("https://i.example/f/a.jpg");
        assertThat(cybertip.at("/evidence/0/fileName").asText()).isEqualTo("a.jpg");
        assertThat(cybertip.at("/evidence/1/fileName").asText()).isEqualTo("evidence-2");
        assertThat(cybertip.at("/evidence/0/sha256").isMissingNode()).isTrue();
        assertThat(cybertip.path("additionalInfo").asText()).contains(MODERATION.toString(), "sexual_minors");
    }

    @Test
    void aCybertipWithoutAUserIdNamesNoAccount() {
        JsonNode cybertip = CybertipTemplate.build(facts(Trigger.REVIEW, List.of("sexual_minors"), List.of(),
                Map.of()), Map.of());

        assertThat(cybertip.has("reportedPerson")).isFalse();
        assertThat(cybertip.path("evidence")).isEmpty();
    }
}
