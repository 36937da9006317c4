package dev.warden.reports.triggers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.TestDatabase;
import dev.warden.reports.ReportingPartners;
import dev.warden.reports.api.ReportBodies;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.testkit.PartnerSignatures;
import dev.warden.testkit.TestClients;

/**
 * Reports a policy files by itself: a block under an EU policy files a statement of reasons, built from the decision
 * and the policy's template, in the same statement as the decision; a reviewer's block confirming
 * {@code sexual_minors} drafts a CyberTip that nothing sends until an operator confirms it.
 */
@QuarkusTest
class PolicyReportsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INSULT = "you idiot";
    private static final String DESK = "test-desk";
    private static final String DESK_SECRET = "whsec_cmV2aWV3LWRlc2stdGVzdC1zZWNyZXQtb25lLTAxMjM0NTY=";

    @Inject
    ReportingPartners partners;

    @Test
    void aBlockUnderAnEuPolicyFilesAStatementOfReasonsFromTheTemplate() throws Exception {
        UUID moderation = moderate("eu-reports", INSULT, "block");

        UUID report = awaitReport(moderation, "intake-dsa");
        as(TestClients.ADMIN_KEY).get("/v1/reports/" + report).then().statusCode(200)
                .body("partner", equalTo("intake-dsa")).body("source", equalTo("policy"))
                .body("status", equalTo("queued")).body("moderationId", equalTo(moderation.toString()))
                .body("report.puid", equalTo("eu-" + moderation))
                .body("report.category", equalTo("STATEMENT_CATEGORY_CYBER_VIOLENCE"))
                .body("report.decisionGround", equalTo("DECISION_GROUND_INCOMPATIBLE_CONTENT"))
                .body("report.decisionVisibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_REMOVED")))
                .body("report.contentType", equalTo(List.of("CONTENT_TYPE_TEXT")))
                .body("report.territorialScope", hasSize(27))
                .body("report.automatedDecision", equalTo("AUTOMATED_DECISION_FULLY"))
                .body("report.decisionFacts", equalTo("Automated moderation found harassment; the decision was"
                        + " automated."))
                .body("deliveryId", notNullValue());
        assertThat(TestDatabase.queryOne(String.class, "select payload::text from outbox where kind ="
                + " 'report-trigger' and subject_id = ?", moderation)).doesNotContain(INSULT);
    }

    @Test
    void anAllowFilesNothing() throws Exception {
        UUID moderation = moderate("eu-reports", "have a nice day", "allow");

        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ? and kind"
                + " = 'report-trigger'", moderation)).isZero();
        assertThat(reports(moderation)).isZero();
    }

    @Test
    void theSameTriggerRunTwiceFilesOneReport() throws Exception {
        UUID moderation = moderate("eu-reports", INSULT, "block");
        awaitReport(moderation, "intake-dsa");
        UUID trigger = TestDatabase.queryOne(UUID.class, "select id from outbox where kind = 'report-trigger' and"
                + " subject_id = ?", moderation);
        await().atMost(WAIT).until(() -> "delivered".equals(TestDatabase.queryOne(String.class,
                "select status from outbox where id = ?", trigger)));

        as(TestClients.ADMIN_KEY).post("/v1/deliveries/" + trigger + "/replay").then().statusCode(200);

        await().atMost(WAIT).until(() -> "delivered".equals(TestDatabase.queryOne(String.class,
                "select status from outbox where id = ?", trigger)) && TestDatabase.queryOne(Long.class,
                        "select count(*) from outbox_attempt where outbox_id = ?", trigger) == 2);
        assertThat(reports(moderation)).isEqualTo(1);
    }

    @Test
    void aReviewersBlockWithSexualMinorsDraftsACybertipThatWaitsForAnOperator() throws Exception {
        UUID moderation = moderate("reviewed-cybertip", INSULT, "review");

        complete(moderation, "block", List.of("sexual_minors"));

        UUID report = awaitReport(moderation, "intake-ncmec");
        as(TestClients.ADMIN_KEY).get("/v1/reports/" + report).then().statusCode(200)
                .body("status", equalTo("draft")).body("source", equalTo("review"))
                .body("report.incident.platform", equalTo("Example Stream chat"))
                .body("problems.field", hasItem("cybertip.evidence"))
                .body("deliveryId", equalTo(null));
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ? and kind"
                + " = 'report'", report)).isZero();

        ObjectNode completed = ReportBodies.cybertip();
        as(TestClients.ADMIN_KEY).body(ReportBodies.JSON.createObjectNode().set("cybertip", completed).toString())
                .post("/v1/reports/" + report + ":confirm").then().statusCode(202).body("status", equalTo("queued"));
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + report + ":confirm").then().statusCode(409);
    }

    @Test
    void aReviewersBlockForAnotherCategoryDraftsNothing() throws Exception {
        UUID moderation = moderate("reviewed-cybertip", INSULT, "review");

        complete(moderation, "block", List.of("harassment"));

        await().atMost(WAIT).until(() -> "completed".equals(TestDatabase.queryOne(String.class,
                "select status from review where moderation_id = ?", moderation)));
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ? and kind"
                + " = 'report-trigger'", moderation)).isZero();
        assertThat(reports(moderation)).isZero();
    }

    @Test
    void aRuleThatCanOnlyFileRefusedReportsFailsStartUpNamingItsKeys() {
        assertThatThrownBy(() -> ReportRules.resolve("eu", "intake-dsa", rule(Map.of("on", "block",
                "template.decision-ground", "DECISION_GROUND_MAYBE")), partners))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.policies.eu.reports.intake-dsa.template: a report built from it"
                        + " breaks intake-dsa's rules: [decision-ground")
                .hasMessageContaining("decision-visibility");
        assertThatThrownBy(() -> ReportRules.resolve("eu", "intake-dsa", rule(Map.of("on", "block",
                "template.decision-grund", "x")), partners))
                .hasMessage("warden.policies.eu.reports.intake-dsa.template: unknown keys"
                        + " [warden.policies.eu.reports.intake-dsa.template.decision-grund]");
        assertThatThrownBy(() -> ReportRules.resolve("eu", "nobody", rule(Map.of("on", "block")), partners))
                .hasMessageStartingWith("warden.policies.eu.reports.nobody names no reporting partner");
        assertThatThrownBy(() -> ReportRules.resolve("eu", "intake-ncmec", rule(Map.of("on", "allow")), partners))
                .hasMessageStartingWith("warden.policies.eu.reports.intake-ncmec.on: 'allow' is not one of");
        assertThat(ReportRules.resolve("eu", "intake-ncmec", rule(Map.of("on", "human-block")), partners).draft())
                .as("a CyberTip rule drafts by default").isTrue();
    }

    private static PoliciesConfig.ReportRule rule(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>(Map.of("warden.policies.eu.providers", "local-rules"));
        keys.forEach((key, value) -> all.put("warden.policies.eu.reports.partner." + key, value));
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PoliciesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withDefaultValues(all).build();
        return config.getConfigMapping(PoliciesConfig.class).all().get("eu").reports().get("partner");
    }

    private static UUID moderate(String policy, String text, String decision) {
        String id = as(TestClients.MODERATOR_KEY).body("{\"policy\": \"" + policy + "\", \"content\": [{\"type\":"
                + " \"text\", \"text\": \"" + text + "\"}]}").post("/v1/moderations").then().statusCode(200)
                .body("decision", equalTo(decision)).extract().path("id");
        return UUID.fromString(id);
    }

    private static void complete(UUID moderation, String decision, List<String> categories) {
        String categoryList = categories.stream().map(category -> "\"" + category + "\"")
                .reduce((a, b) -> a + "," + b).orElse("");
        byte[] body = ("{\"type\": \"review.completed\", \"timestamp\": \"2026-12-01T12:00:00Z\", \"data\":"
                + " {\"moderationId\": \"" + moderation + "\", \"decision\": \"" + decision + "\", \"categories\": ["
                + categoryList + "], \"reviewer\": \"moderator-7\"}}").getBytes(StandardCharsets.UTF_8);
        given().headers(PartnerSignatures.headers(DESK_SECRET, "desk-" + UUID.randomUUID(), body))
                .contentType("application/json").body(body).post("/v1/webhooks/" + DESK)
                .then().statusCode(202);
    }

    private static UUID awaitReport(UUID moderation, String partner) {
        await().atMost(WAIT).until(() -> TestDatabase.queryOne(Long.class, "select count(*) from report where"
                + " moderation_id = ? and partner = ?", moderation, partner) == 1);
        try {
            return TestDatabase.queryOne(UUID.class, "select id from report where moderation_id = ?", moderation);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long reports(UUID moderation) throws Exception {
        return TestDatabase.queryOne(Long.class, "select count(*) from report where moderation_id = ?", moderation);
    }

    private static RequestSpecification as(String key) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + key)
                .contentType("application/json");
    }
}
