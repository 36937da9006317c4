package dev.warden.api.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.warden.client.api.OpenAiCompatibleApi;
import dev.warden.client.model.CategoryResult;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.OpenAiModerationRequest;
import dev.warden.client.model.OpenAiModerationResponse;
import dev.warden.client.model.OpenAiModerationResult;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/**
 * {@code POST /openai/v1/moderations} end to end: real PostgreSQL, the local-rules policy and OpenAI on WireMock.
 * Every answer is checked against the stored Warden moderation behind it, read back through {@code /v1}.
 */
@QuarkusTest
class OpenAiCompatTest {

    static final String PATH = "/openai/v1/moderations";
    static final String THREAT = "I will hurt you, you 1d10t";
    static final String CLEAN = "What a lovely stream, thanks for hosting";
    static final Set<String> OPENAI_CATEGORIES = Set.of("harassment", "harassment/threatening", "hate",
            "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent",
            "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void resetVendor() {
        OpenAiSimulator.reset();
    }

    @Test
    void aStringIsOneStoredModerationAnsweredInOpenAisShape() throws Exception {
        OpenAiModerationResponse answer = api().createOpenAiModeration(request(THREAT, "omni-moderation-latest"), null);

        assertThat(answer.getModel()).isEqualTo("omni-moderation-latest");
        OpenAiModerationResult result = answer.getResults().get(0);
        assertThat(answer.getResults()).hasSize(1);
        assertThat(answer.getId()).isEqualTo("modr-" + result.getWardenModerationId());
        assertThat(result.getFlagged()).isTrue();
        assertThat(result.getCategories().keySet()).isEqualTo(OPENAI_CATEGORIES);
        assertThat(result.getCategoryScores().keySet()).isEqualTo(OPENAI_CATEGORIES);
        assertThat(result.getCategoryAppliedInputTypes()).allSatisfy((label, types) -> assertThat(types)
                .extracting(Object::toString).containsExactly("text"));

        ModerationResult stored = WardenApi.moderations().getModeration(result.getWardenModerationId());
        assertThat(stored.getPolicy()).isEqualTo("default");
        assertThat(stored.getFlagged()).isTrue();
        Map<String, CategoryResult> warden = stored.getCategories();
        assertThat(warden.get("threat").getFlagged()).isTrue();
        assertThat(result.getCategoryScores().get("harassment")).isEqualTo(warden.get("harassment").getScore());
        assertThat(result.getCategoryScores().get("harassment/threatening"))
                .isEqualTo(Math.min(warden.get("harassment").getScore(), warden.get("threat").getScore()));
        assertThat(result.getCategories().get("harassment/threatening"))
                .isEqualTo(warden.get("harassment").getFlagged() && warden.get("threat").getFlagged());
        assertThat(result.getCategories().get("harassment")).isEqualTo(warden.get("harassment").getFlagged());
        assertThat(result.getCategoryScores().get("sexual")).as("a category nobody scored reads 0").isZero();
        assertThat(result.getCategories().get("sexual")).isFalse();
    }

    @Test
    void cleanTextIsNotFlagged() {
        JsonPath answer = moderate("{\"input\":\"" + CLEAN + "\"}").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(answer.getBoolean("results[0].flagged")).isFalse();
        assertThat(answer.getMap("results[0].categories", String.class, Boolean.class).values()).containsOnly(false);
        assertThat(answer.getString("model")).as("no model asks for OpenAI's default").isEqualTo(
                "omni-moderation-latest");
    }

    @Test
    void anArrayOfStringsIsOneStoredModerationPerString() throws Exception {
        JsonPath answer = moderate(body(List.of(THREAT, CLEAN))).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("results")).hasSize(2);
        assertThat(answer.getBoolean("results[0].flagged")).isTrue();
        assertThat(answer.getBoolean("results[1].flagged")).isFalse();
        UUID first = UUID.fromString(answer.getString("results[0].warden_moderation_id"));
        UUID second = UUID.fromString(answer.getString("results[1].warden_moderation_id"));
        assertThat(first).isNotEqualTo(second);
        assertThat(answer.getString("id")).isEqualTo("modr-" + first);
        assertThat(WardenApi.moderations().getModeration(first).getFlagged()).isTrue();
        assertThat(WardenApi.moderations().getModeration(second).getFlagged()).isFalse();
    }

    @Test
    void typedPartsAreOneModerationWithTheInputTypesEachCategoryAppliesTo() {
        String body = "{\"input\":[{\"type\":\"text\",\"text\":\"" + THREAT + "\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://cdn.example.com/a.png\"}}]}";

        JsonPath answer = moderate(body).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("results")).hasSize(1);
        assertThat(answer.getBoolean("results[0].flagged")).isTrue();
        assertThat(answer.getList("results[0].category_applied_input_types.violence"))
                .containsExactly("text", "image");
        assertThat(answer.getList("results[0].category_applied_input_types.harassment")).containsExactly("text");
    }

    @Test
    void openAiScoresComeBackThroughBothCrosswalksNeverLower() throws Exception {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));
        JsonNode vendor = JSON.readTree(getClass().getResourceAsStream("/openai/flagged.json"))
                .path("results").get(0).path("category_scores");

        JsonPath answer = moderate("{\"model\":\"omni-moderation-2024-09-26\",\"input\":\"hello\"}").then()
                .statusCode(200).extract().jsonPath();

        Map<String, Float> scores = answer.getMap("results[0].category_scores", String.class, Float.class);
        vendor.fields().forEachRemaining(label -> assertThat((double) scores.get(label.getKey()))
                .as(label.getKey()).isGreaterThanOrEqualTo(label.getValue().asDouble() - 1e-6));
        for (String oneToOne : List.of("hate", "sexual", "sexual/minors", "violence/graphic")) {
            assertThat((double) scores.get(oneToOne)).as(oneToOne).isCloseTo(vendor.get(oneToOne).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(answer.getBoolean("results[0].flagged")).isTrue();
        assertThat(OpenAiSimulator.calls()).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReplaysTheStoredResultsWithoutAskingTheVendorAgain() {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));
        String key = "openai-" + UUID.randomUUID();
        String body = "{\"model\":\"omni-moderation-2024-09-26\",\"input\":[\"one\",\"two\"]}";

        JsonPath first = moderate(body, key).then().statusCode(200).header("Idempotent-Replayed", "false")
                .extract().jsonPath();
        JsonPath again = moderate(body, key).then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().jsonPath();

        assertThat(again.getList("results.warden_moderation_id"))
                .isEqualTo(first.getList("results.warden_moderation_id"));
        assertThat(OpenAiSimulator.calls()).isEqualTo(2);
        moderate("{\"model\":\"omni-moderation-2024-09-26\",\"input\":[\"one\",\"three\"]}", key).then()
                .statusCode(400).contentType("application/json")
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("idempotency_conflict"));
        assertThat(OpenAiSimulator.calls()).isEqualTo(2);
    }

    @Test
    void theSameContentHasTheSameStoredFingerprintFromEitherEndpoint() throws Exception {
        String text = "fingerprint " + UUID.randomUUID();
        UUID viaV1 = WardenApi.moderations().createModeration(WardenApi.text(text, "default"), null).getId();
        String viaOpenAi = moderate(body(text)).then().statusCode(200).extract()
                .path("results[0].warden_moderation_id");

        String fingerprint = contentSha256(UUID.fromString(viaOpenAi));
        assertThat(fingerprint).hasSize(64).isEqualTo(contentSha256(viaV1));
        assertThat(contentSha256(UUID.fromString(moderate(body(text + "!")).then().statusCode(200).extract()
                .<String>path("results[0].warden_moderation_id")))).isNotEqualTo(fingerprint);
    }

    private static String contentSha256(UUID moderation) throws Exception {
        return TestDatabase.queryOne(String.class, "select content_sha256 from moderation where id = ?", moderation);
    }

    static io.restassured.response.Response moderate(String body) {
        return moderate(body, null);
    }

    static io.restassured.response.Response moderate(String body, String idempotencyKey) {
        var request = given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(PATH);
    }

    static String body(Object input) throws Exception {
        return JSON.writeValueAsString(Map.of("input", input));
    }

    private static OpenAiModerationRequest request(String text, String model) {
        return new OpenAiModerationRequest().model(model).input(JSON.getNodeFactory().textNode(text));
    }

    private static OpenAiCompatibleApi api() {
        return new OpenAiCompatibleApi(WardenApi.client(TestClients.MODERATOR_KEY));
    }
}
