package dev.warden.adapters.dsatransparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;

class DsaRulesTest {

    private static final String RULES = "dsa-transparency rules 2025-07-01";

    private static RuleSet shipped() {
        InputStream in = DsaRulesTest.class.getResourceAsStream("/dsa-transparency/rules/2025-07-01.json");
        return RuleSet.load(in, "shipped");
    }

    private static final DsaRules CHECKS = new DsaRules(shipped(), "shipped");

    private static List<RuleViolation> violations(Consumer<ObjectNode> change) {
        ObjectNode content = DsaTestPartner.sample();
        change.accept(content);
        return CHECKS.validate(content);
    }

    @Test
    void theSampleIsValid() {
        assertThat(CHECKS.validate(DsaTestPartner.sample())).isEmpty();
    }

    @Test
    void theShippedRuleSetHoldsEveryEnumerationOfTheReference() {
        RuleSet rules = shipped();

        assertThat(rules.partnerType()).isEqualTo(DsaTransparencyAdapterType.ID);
        assertThat(rules.enumeration("category")).hasSize(16).contains("STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS")
                .doesNotContain("STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT");
        assertThat(rules.enumeration("categorySpecification")).hasSize(69)
                .contains("KEYWORD_MISINFORMATION_DISINFORMATION").doesNotContain("KEYWORD_DISINFORMATION");
        assertThat(rules.enumeration("territorialScope")).hasSize(30).contains("IS", "LI", "NO");
        assertThat(rules.enumeration("decisionVisibility")).hasSize(7);
        assertThat(rules.enumeration("contentType")).hasSize(8);
        assertThat(rules.enumeration("sourceType")).hasSize(4);
        assertThat(rules.maxLength("decisionFacts")).hasValue(5000);
        assertThat(rules.maxLength("illegalContentExplanation")).hasValue(2000);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThat(violations(content -> content.remove("decisionFacts")))
                .containsExactly(new RuleViolation("/decisionFacts", "is required"));
        assertThat(violations(content -> content.putNull("puid")))
                .containsExactly(new RuleViolation("/puid", "is required"));
    }

    @Test
    void theTerritorialScopeIsRequiredThoughTheDsaCodeAllowsNull() {
        assertThat(violations(content -> content.remove("territorialScope")))
                .containsExactly(new RuleViolation("/territorialScope", "is required"));
        assertThat(violations(content -> content.putArray("territorialScope")))
                .containsExactly(new RuleViolation("/territorialScope", "must be a non-empty list"));
    }

    @Test
    void aBadEnumerationValueListsTheAllowedValuesAndTheRulesVersion() {
        assertThat(violations(content -> content.put("decisionGround", "DECISION_GROUND_MAYBE")))
                .containsExactly(new RuleViolation("/decisionGround", "must be one of DECISION_GROUND_ILLEGAL_CONTENT,"
                        + " DECISION_GROUND_INCOMPATIBLE_CONTENT (" + RULES + ")"));
        assertThat(violations(content -> content.putArray("categorySpecification").add("KEYWORD_HATE_SPEECH")
                .add("KEYWORD_DISINFORMATION")))
                .containsExactly(new RuleViolation("/categorySpecification/1",
                        "must be one of the 69 values of categorySpecification (" + RULES + ")"));
        assertThat(violations(content -> content.putArray("territorialScope").add("DE").add("CH")))
                .extracting(RuleViolation::pointer).containsExactly("/territorialScope/1");
        assertThat(violations(content -> content.putArray("categoryAddition").add("STATEMENT_CATEGORY_SPAM")))
                .extracting(RuleViolation::pointer).containsExactly("/categoryAddition/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-2-1", "30.11.2026", "2026-11-30T10:00:00Z", ""})
    void aDateThatIsNotYyyyMmDdIsRefused(String date) {
        assertThat(violations(content -> content.put("contentDate", date)))
                .containsExactly(new RuleViolation("/contentDate", "must be a date written YYYY-MM-DD"));
    }

    @Test
    void datesAreBoundedAsTheDsaBoundsThem() {
        assertThat(violations(content -> content.put("contentDate", "1999-12-31")))
                .containsExactly(new RuleViolation("/contentDate", "must be on or after 2000-01-01 (" + RULES + ")"));
        assertThat(violations(content -> content.put("applicationDate", "2019-12-31").put("contentDate", "2019-12-30")
                .remove("endDateAccountRestriction")))
                .containsExactly(new RuleViolation("/applicationDate", "must be on or after 2020-01-01 (" + RULES + ")"));
        assertThat(violations(content -> content.put("endDateAccountRestriction", "2038-01-02")))
                .containsExactly(new RuleViolation("/endDateAccountRestriction",
                        "must be on or before 2038-01-01 (" + RULES + ")"));
        assertThat(violations(content -> content.put("contentDate", "2038-01-01").put("applicationDate", "2038-01-01")
                .put("endDateAccountRestriction", "2038-01-01"))).isEmpty();
    }

    @Test
    void anEndDateBeforeTheApplicationDateIsRefused() {
        assertThat(violations(content -> content.put("endDateAccountRestriction", "2026-11-30")))
                .containsExactly(new RuleViolation("/endDateAccountRestriction", "must not be before applicationDate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b/c", "post:1", "pöst", "post.1", "post%2F1"})
    void aPuidWithIllegalCharactersIsRefused(String puid) {
        assertThat(violations(content -> content.put("puid", puid)))
                .containsExactly(new RuleViolation("/puid", "must match ^[a-zA-Z0-9-_]+$ (" + RULES + ")"));
    }

    @Test
    void lengthsAreBounded() {
        assertThat(violations(content -> content.put("puid", "p".repeat(500)))).isEmpty();
        assertThat(violations(content -> content.put("puid", "p".repeat(501))))
                .containsExactly(new RuleViolation("/puid", "must be at most 500 characters (" + RULES + ")"));
        assertThat(violations(content -> content.put("decisionFacts", "f".repeat(5001))))
                .containsExactly(new RuleViolation("/decisionFacts", "must be at most 5000 characters (" + RULES + ")"));
    }

    @Test
    void oneOfTheFourDecisionsIsRequired() {
        List<RuleViolation> none = violations(content -> {
            content.remove("decisionVisibility");
            content.remove("decisionAccount");
        });
        assertThat(none).extracting(RuleViolation::pointer).containsExactly("/decisionVisibility");
        assertThat(none.get(0).message()).contains("decisionMonetary", "decisionProvision", "decisionAccount");
        assertThat(violations(content -> {
            content.remove("decisionVisibility");
            content.remove("decisionAccount");
            content.put("decisionProvision", "DECISION_PROVISION_TOTAL_TERMINATION");
        })).isEmpty();
    }

    @Test
    void anOtherTextGoesWithItsOtherValueOnly() {
        assertThat(violations(content -> content.withArray("decisionVisibility").add("DECISION_VISIBILITY_OTHER")))
                .containsExactly(new RuleViolation("/decisionVisibilityOther",
                        "is required when decisionVisibility is DECISION_VISIBILITY_OTHER"));
        assertThat(violations(content -> content.put("decisionVisibilityOther", "Shadow-banned")
                .withArray("decisionVisibility").add("DECISION_VISIBILITY_OTHER"))).isEmpty();
        assertThat(violations(content -> content.put("decisionVisibilityOther", "Shadow-banned")))
                .extracting(RuleViolation::pointer).containsExactly("/decisionVisibilityOther");
        assertThat(violations(content -> content.put("decisionMonetary", "DECISION_MONETARY_OTHER")))
                .extracting(RuleViolation::pointer).containsExactly("/decisionMonetaryOther");
        assertThat(violations(content -> content.put("decisionMonetaryOther", "Paused")))
                .extracting(RuleViolation::pointer).containsExactly("/decisionMonetaryOther");
        assertThat(violations(content -> content.withArray("contentType").add("CONTENT_TYPE_OTHER")))
                .extracting(RuleViolation::pointer).containsExactly("/contentTypeOther");
        assertThat(violations(content -> content.put("contentTypeOther", "A poll")))
                .extracting(RuleViolation::pointer).containsExactly("/contentTypeOther");
    }

    @Test
    void eachGroundNeedsItsOwnExplanationAndNoOther() {
        assertThat(violations(content -> content.remove("incompatibleContentExplanation")))
                .containsExactly(new RuleViolation("/incompatibleContentExplanation",
                        "is required when decisionGround is DECISION_GROUND_INCOMPATIBLE_CONTENT"));
        assertThat(violations(content -> content.put("illegalContentLegalGround", "Law §1")))
                .extracting(RuleViolation::pointer).containsExactly("/illegalContentLegalGround");
        assertThat(violations(content -> content.put("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT")))
                .extracting(RuleViolation::pointer).containsExactly("/illegalContentLegalGround",
                        "/illegalContentExplanation", "/incompatibleContentGround", "/incompatibleContentExplanation",
                        "/incompatibleContentIllegal");
        assertThat(violations(content -> {
            content.put("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT").put("illegalContentLegalGround", "§1")
                    .put("illegalContentExplanation", "Unlawful offer");
            content.remove(List.of("incompatibleContentGround", "incompatibleContentExplanation",
                    "incompatibleContentIllegal"));
        })).isEmpty();
    }

    @Test
    void aSourceIdentityIsRefusedForVoluntaryDecisions() {
        assertThat(violations(content -> content.put("sourceIdentity", "Flagger 12")))
                .extracting(RuleViolation::pointer).containsExactly("/sourceIdentity");
        assertThat(violations(content -> content.put("sourceIdentity", "Flagger 12")
                .put("sourceType", "SOURCE_TRUSTED_FLAGGER"))).isEmpty();
    }

    @Test
    void shapesAreChecked() {
        assertThat(violations(content -> content.put("automatedDetection", "Yes")))
                .containsExactly(new RuleViolation("/automatedDetection", "must be true or false"));
        assertThat(violations(content -> content.put("contentType", "CONTENT_TYPE_TEXT")))
                .containsExactly(new RuleViolation("/contentType", "must be a non-empty list"));
        assertThat(violations(content -> content.putArray("contentType").add(7)))
                .containsExactly(new RuleViolation("/contentType/0", "must be a string"));
        assertThat(violations(content -> content.put("decisionFacts", " ")))
                .containsExactly(new RuleViolation("/decisionFacts", "must be a non-empty string"));
        assertThat(violations(content -> content.put("decisionGroundReferenceUrl", "terms#4")))
                .containsExactly(new RuleViolation("/decisionGroundReferenceUrl", "must be an absolute http(s) URL"));
        assertThat(violations(content -> content.put("contentLanguage", "en")))
                .extracting(RuleViolation::pointer).containsExactly("/contentLanguage");
        assertThat(violations(content -> content.putObject("contentId").put("ean13", "123")))
                .extracting(RuleViolation::pointer).containsExactly("/contentId/ean13");
        assertThat(violations(content -> content.putObject("contentId").put("isbn", "123")))
                .extracting(RuleViolation::pointer).containsExactly("/contentId");
        assertThat(CHECKS.validate(DsaTestPartner.JSON.createArrayNode()))
                .containsExactly(new RuleViolation("", "must be a JSON object"));
    }

    @Test
    void aMisspelledFieldIsRefusedRatherThanDropped() {
        assertThat(violations(content -> content.put("decisonFacts", "typo")))
                .containsExactly(new RuleViolation("/decisonFacts", "is not a field of a DSA statement of reasons"));
    }

    @Test
    void messagesNeverRepeatTheReport() {
        String facts = "Private message from jane.doe@example.com ".repeat(200);
        assertThat(violations(content -> content.put("decisionFacts", facts).put("puid", "jane doe")))
                .allSatisfy(violation -> assertThat(violation.message()).doesNotContain("jane"));
    }

    @Test
    void aRuleSetWithoutAnEnumerationTheRulesNeedFailsStartUp() {
        String partial = "{\"partnerType\": \"dsa-transparency\", \"version\": \"custom\","
                + " \"enumerations\": {\"decisionGround\": [\"DECISION_GROUND_ILLEGAL_CONTENT\"]}}";
        RuleSet rules = RuleSet.load(new ByteArrayInputStream(partial.getBytes(StandardCharsets.UTF_8)), "file");

        assertThatThrownBy(() -> new DsaRules(rules, "warden.partners.dsa.rules-file"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.partners.dsa.rules-file: the rule set has no enumeration");
    }
}
