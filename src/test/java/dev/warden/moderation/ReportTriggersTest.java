package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.json.JsonObject;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.QueuedWork;
import dev.warden.spi.Category;

class ReportTriggersTest {

    private static final ReportTriggers TRIGGERS = new ReportTriggers();
    private static final ModerationEntity.StoredContent CONTENT = new ModerationEntity.StoredContent(List.of(
            new ModerationEntity.StoredPart("text", "never in a trigger", null),
            new ModerationEntity.StoredPart("image", null, "https://i.example/a.png")));

    private static PoliciesConfig.Policy policy(Map<String, String> reports) {
        Map<String, String> all = new HashMap<>(Map.of("warden.policies.eu.providers", "local-rules"));
        reports.forEach((key, value) -> all.put("warden.policies.eu.reports." + key, value));
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PoliciesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withDefaultValues(all).build();
        return config.getConfigMapping(PoliciesConfig.class).all().get("eu");
    }

    private static Moderation decided(Decision decision, Map<Category, CategoryVerdict> categories) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return Moderation.completed(UUID.randomUUID(), "eu", decision, categories, List.of(), false, now, now);
    }

    private static CategoryVerdict verdict(double score, Decision action) {
        return new CategoryVerdict(score, action, List.of("local-rules"));
    }

    @Test
    void aBlockFilesOneRowPerMatchingPartnerWithTheFlaggedCategoriesHighestFirstAndNoText() {
        PoliciesConfig.Policy policy = policy(Map.of("dsa.on", "block", "dsa.template.category.hate",
                "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "dsa2.on", "review"));
        Moderation moderation = decided(Decision.BLOCK, Map.of(Category.HARASSMENT, verdict(0.7, Decision.REVIEW),
                Category.HATE, verdict(0.95, Decision.BLOCK), Category.SPAM, verdict(0.1, Decision.ALLOW)));

        List<QueuedWork> rows = TRIGGERS.ofDecision(moderation, policy, CONTENT);

        assertThat(policy.reports().get("dsa").template()).containsEntry("category.hate",
                "STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(ReportTriggers.KIND);
            assertThat(row.destination()).isEqualTo(ReportTriggers.DESTINATION);
            JsonObject payload = new JsonObject(row.payload());
            assertThat(payload.getString("partner")).isEqualTo("dsa");
            assertThat(payload.getString("trigger")).isEqualTo("decision");
            assertThat(payload.getJsonArray("categories").getList()).containsExactly("hate", "harassment");
            assertThat(payload.getJsonArray("parts").getJsonObject(1).getString("url"))
                    .isEqualTo("https://i.example/a.png");
            assertThat(row.payload()).doesNotContain("never in a trigger");
        });
    }

    @Test
    void anAllowFilesNothingAndAReviewOnlyWhereOnSaysReview() {
        PoliciesConfig.Policy policy = policy(Map.of("dsa.on", "block", "desk.on", "review,block"));
        Map<Category, CategoryVerdict> flagged = Map.of(Category.HATE, verdict(0.6, Decision.REVIEW));

        assertThat(TRIGGERS.ofDecision(decided(Decision.ALLOW, Map.of()), policy, CONTENT)).isEmpty();
        assertThat(TRIGGERS.ofDecision(decided(Decision.REVIEW, flagged), policy, CONTENT))
                .extracting(row -> new JsonObject(row.payload()).getString("partner")).containsExactly("desk");
    }

    @Test
    void theCategoriesFilterNeedsOneOfItsCategoriesFlagged() {
        PoliciesConfig.Policy policy = policy(Map.of("ncmec.on", "block,human-block", "ncmec.categories",
                "sexual_minors"));

        assertThat(TRIGGERS.ofDecision(decided(Decision.BLOCK, Map.of(Category.HATE, verdict(0.99,
                Decision.BLOCK))), policy, CONTENT)).isEmpty();
        assertThat(TRIGGERS.ofDecision(decided(Decision.BLOCK, Map.of(Category.SEXUAL_MINORS, verdict(0.9,
                Decision.BLOCK))), policy, CONTENT)).hasSize(1);
    }

    @Test
    void aReviewersBlockFilesForTheCategoriesTheReviewerConfirmed() {
        PoliciesConfig.Policy policy = policy(Map.of("ncmec.on", "human-block", "ncmec.categories",
                "sexual_minors"));
        Moderation reviewed = decided(Decision.REVIEW, Map.of(Category.SEXUAL_MINORS, verdict(0.6,
                Decision.REVIEW)));

        assertThat(TRIGGERS.ofReview(reviewed, human(Decision.BLOCK, List.of(Category.HARASSMENT)), policy))
                .isEmpty();
        assertThat(TRIGGERS.ofReview(reviewed, human(Decision.ALLOW, List.of(Category.SEXUAL_MINORS)), policy))
                .isEmpty();
        assertThat(TRIGGERS.ofReview(reviewed, human(Decision.BLOCK, List.of(Category.SEXUAL_MINORS)), policy))
                .singleElement().satisfies(row -> {
                    JsonObject payload = new JsonObject(row.payload());
                    assertThat(payload.getString("trigger")).isEqualTo("review");
                    assertThat(payload.containsKey("parts")).isFalse();
                });
        assertThat(TRIGGERS.ofReview(reviewed, human(Decision.BLOCK, List.of()), policy))
                .as("a block naming no category confirms the flagged ones").hasSize(1);
        assertThat(TRIGGERS.ofDecision(reviewed, policy, CONTENT)).as("human-block is not the policy's decision")
                .isEmpty();
    }

    private static HumanDecision human(Decision decision, List<Category> categories) {
        return new HumanDecision(UUID.randomUUID(), decision, categories, Optional.of("rev-1"), Optional.empty());
    }
}
