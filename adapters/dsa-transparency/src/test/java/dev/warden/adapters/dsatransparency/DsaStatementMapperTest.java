package dev.warden.adapters.dsatransparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.reporting.OutgoingReport;

class DsaStatementMapperTest {

    /** A statement with every field set (not a valid combination: the mapper does not validate). */
    private static ObjectNode everyField() {
        ObjectNode content = DsaTestPartner.sample();
        content.putArray("decisionVisibility").add("DECISION_VISIBILITY_OTHER").add("DECISION_VISIBILITY_CONTENT_REMOVED");
        content.put("decisionVisibilityOther", "Hidden from search").put("decisionMonetary", "DECISION_MONETARY_OTHER")
                .put("decisionMonetaryOther", "Payouts paused").put("decisionProvision",
                        "DECISION_PROVISION_PARTIAL_SUSPENSION")
                .put("illegalContentLegalGround", "Law §1").put("illegalContentExplanation", "Because of §1")
                .put("contentTypeOther", "A poll").put("categorySpecificationOther", "Other keyword")
                .put("endDateMonetaryRestriction", "2027-01-01").put("endDateServiceRestriction", "2027-01-02")
                .put("endDateVisibilityRestriction", "2027-01-03").put("sourceIdentity", "Trusted flagger 12");
        content.putObject("contentId").put("ean13", "4006381333931");
        return content;
    }

    @Test
    void everyFieldHasItsSnakeCaseNameInTheDocumentationsOrder() {
        ObjectNode wire = DsaStatementMapper.statement(everyField());

        List<String> names = new ArrayList<>();
        wire.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(Arrays.stream(DsaField.values()).map(DsaField::wireName).toList());
        assertThat(names).contains("decision_ground_reference_url", "end_date_account_restriction",
                "category_specification_other", "incompatible_content_illegal", "content_id");
    }

    @Test
    void valuesAreSentAsTheDsaWritesThem() {
        ObjectNode content = everyField();
        content.put("incompatibleContentIllegal", true).put("automatedDetection", false);

        ObjectNode wire = DsaStatementMapper.statement(content);

        assertThat(wire.get("incompatible_content_illegal").asText()).isEqualTo("Yes");
        assertThat(wire.get("automated_detection").asText()).isEqualTo("No");
        assertThat(wire.get("content_id").toString()).isEqualTo("{\"EAN-13\":\"4006381333931\"}");
        assertThat(wire.get("decision_visibility").toString())
                .isEqualTo("[\"DECISION_VISIBILITY_OTHER\",\"DECISION_VISIBILITY_CONTENT_REMOVED\"]");
        assertThat(wire.get("decision_facts").asText()).isEqualTo(content.get("decisionFacts").asText());
        assertThat(wire.get("content_date").asText()).isEqualTo("2026-11-30");
    }

    @Test
    void absentAndNullFieldsAreLeftOut() {
        ObjectNode content = DsaTestPartner.sample();
        content.putNull("endDateAccountRestriction");
        content.remove("accountType");

        ObjectNode wire = DsaStatementMapper.statement(content);

        assertThat(wire.has("end_date_account_restriction")).isFalse();
        assertThat(wire.has("account_type")).isFalse();
        assertThat(wire.has("decision_monetary")).isFalse();
        assertThat(wire.toString()).doesNotContain("null");
    }

    @Test
    void aBatchIsOneStatementsListInTheBatchOrder() {
        List<OutgoingReport> batch = List.of(DsaTestPartner.report("b"), DsaTestPartner.report("a"),
                new OutgoingReport(UUID.randomUUID(), DsaTestPartner.statement("c"), List.of()));

        JsonNode body = DsaStatementMapper.batch(batch);

        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("statements")).extracting(statement -> statement.get("puid").asText())
                .containsExactly("b", "a", "c");
        assertThat(body.get("statements").get(0).has("decisionFacts")).isFalse();
    }
}
