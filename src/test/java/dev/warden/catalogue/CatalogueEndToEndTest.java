package dev.warden.catalogue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderInfo;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.KitFixtures;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/**
 * The whole catalogue behind one API: a provider of every adapter type, each answering from its own vendor's fixtures
 * on the WireMock simulator, under the three strategies, with text and an image in one request. What each provider
 * reports must be its vendor's answer carried through its crosswalk and scale, not a constant.
 */
@QuarkusTest
class CatalogueEndToEndTest {

    private static final String PREFIX = "/catalogue";
    private static final String IMAGE_PATH = PREFIX + "/media/photo.png";
    private static final String AZURE = PREFIX + "/azure/contentsafety/";
    private static final String SIGHTENGINE = PREFIX + "/sightengine/1.0/";
    private static final String HIVE = PREFIX + "/hive/api/v2/task/sync";
    private static final String AWS = PREFIX + "/aws/";
    private static final String LLAMA = PREFIX + "/llama/v1/chat/completions";
    private static final String OPENAI = PREFIX + "/openai/v1/moderations";

    /** A complete 1×1 PNG: the media fetcher checks the bytes, and so would Azure and Rekognition. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static final double EXACT = 1e-9;

    @BeforeEach
    void vendorsAnswerFlagged() {
        OpenAiSimulator.reset();
        WireMock sim = OpenAiSimulator.admin();
        sim.register(get(urlPathEqualTo(IMAGE_PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));
        sim.register(post(urlPathEqualTo(OPENAI)).willReturn(fixture("/openai/flagged.json")));
        sim.register(post(urlPathEqualTo(AZURE + "text:analyze"))
                .willReturn(fixture("/azure-content-safety/text-flagged.json")));
        sim.register(post(urlPathEqualTo(AZURE + "image:analyze"))
                .willReturn(fixture("/azure-content-safety/image-flagged.json")));
        sim.register(post(urlPathEqualTo(SIGHTENGINE + "text/check.json"))
                .willReturn(fixture("/sightengine/text-ml-flagged.json")));
        sim.register(post(urlPathEqualTo(SIGHTENGINE + "check.json"))
                .willReturn(fixture("/sightengine/image-flagged.json")));
        sim.register(hive("hive-text-catalogue-key").willReturn(fixture("/hive/text-sync-flagged.json")));
        sim.register(hive("hive-visual-catalogue-key").willReturn(fixture("/hive/visual-flagged.json")));
        sim.register(aws("Comprehend_20171127.DetectToxicContent").willReturn(fixture("/aws/comprehend-flagged.json")));
        sim.register(aws("RekognitionService.DetectModerationLabels")
                .willReturn(fixture("/aws/rekognition-flagged.json")));
        sim.register(post(urlPathEqualTo(LLAMA)).withHeader("Authorization", equalTo("Bearer llama-catalogue-key"))
                .willReturn(json("{\"model\":\"llama-guard-3-8b\",\"choices\":[{\"index\":0,\"message\":"
                                + "{\"role\":\"assistant\",\"content\":\"unsafe\\nS1,S10\"}}]}")));
    }

    @Test
    void allCallsEveryVendorWithTheTextAndTheImageAndCarriesEachAnswerThroughItsCrosswalk() throws Exception {
        ModerationResult result = moderate("catalogue-all");

        for (String provider : List.of("cat-openai", "cat-azure", "cat-hive", "cat-aws", "cat-sightengine",
                "cat-llama-guard", "local-rules")) {
            ProviderOutcome outcome = WardenApi.outcome(result, provider);
            assertThat(outcome.getOutcome()).as("%s: %s", provider, outcome.getError())
                    .isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        }
        // Azure: text Hate 4 and Violence 2 on the four-level scale (n/6); the image's Violence 4 wins the merge.
        assertThat(scores(result, "cat-azure")).containsEntry("hate", 4.0 / 6)
                .hasEntrySatisfying("violence", score -> assertThat(score).isCloseTo(4.0 / 6, within(EXACT)));
        // Sightengine: ML text classes and the image's dotted labels, both on 0..1.
        assertThat(scores(result, "cat-sightengine")).containsEntry("hate", 0.82).containsEntry("sexual", 0.91)
                .containsEntry("violence_graphic", 0.77);
        // Llama Guard through http-json: the hazards it names score 1, none other is invented.
        assertThat(scores(result, "cat-llama-guard")).isEqualTo(Map.of("violence", 1.0, "hate", 1.0));
        // Hive: text severity 3 of 3 for sexual. AWS: Comprehend's toxicity from the text and Rekognition's
        // Explicit Nudity confidence (99.2 of 100) from the image, merged into one outcome.
        assertThat(scores(result, "cat-hive")).containsEntry("sexual", 1.0);
        assertThat(scores(result, "cat-aws")).containsEntry("toxicity", 0.83)
                .hasEntrySatisfying("sexual", score -> assertThat(score).isCloseTo(0.992, within(EXACT)));
        assertThat(scores(result, "cat-openai")).containsEntry("harassment", 0.9);
        assertThat(WardenApi.outcome(result, "cat-llama-guard").getModel()).isEqualTo("llama-guard-3-8b");

        WireMock sim = OpenAiSimulator.admin();
        assertThat(sim.find(postRequestedFor(urlPathEqualTo(AZURE + "image:analyze"))).get(0).getBodyAsString())
                .as("Azure gets the fetched image bytes, base64")
                .contains(Base64.getEncoder().encodeToString(PNG));
        assertThat(sim.find(postRequestedFor(urlPathEqualTo(SIGHTENGINE + "check.json"))).get(0).getBodyAsString())
                .as("Sightengine gets the image URL and fetches it itself").contains("photo.png");
        assertThat(sim.find(postRequestedFor(urlPathEqualTo(LLAMA))).get(0).getBodyAsString())
                .contains("catalogue canary text");
        assertThat(result.getDecision()).isEqualTo(Action.BLOCK);
    }

    @Test
    void firstSuccessMovesToTheNextVendorWhenOneFailsAndTheImageStillGetsClassified() throws Exception {
        OpenAiSimulator.admin().register(post(urlPathMatching(AZURE + ".*")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        ModerationResult result = moderate("catalogue-first-success");

        assertThat(WardenApi.outcome(result, "cat-azure").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(WardenApi.outcome(result, "cat-hive").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(OpenAiSimulator.admin().find(postRequestedFor(urlPathEqualTo(HIVE))))
                .as("one text task and one visual task").hasSize(2);
        assertThat(result.getCategories()).containsKey("sexual");
        assertThat(result.getCategories().get("sexual").getProviders()).containsExactly("cat-hive");
    }

    @Test
    void cascadeStopsAtTheCheapVendorWhenItIsSureAndAsksTheNextWhileUncertain() throws Exception {
        sightengineAnswers(read("/sightengine/text-ml-clean.json"));
        ModerationResult sure = moderate("catalogue-cascade");

        assertThat(WardenApi.outcome(sure, "cat-sightengine").getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(sure, "cat-aws").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(OpenAiSimulator.admin().find(postRequestedFor(urlPathEqualTo(AWS)))).isEmpty();

        sightengineAnswers(read("/sightengine/text-ml-clean.json").replace("\"insulting\": 0.05", "\"insulting\": 0.5"));
        ModerationResult uncertain = moderate("catalogue-cascade");

        assertThat(scores(uncertain, "cat-sightengine")).containsEntry("harassment", 0.5);
        assertThat(WardenApi.outcome(uncertain, "cat-aws").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(OpenAiSimulator.admin().find(postRequestedFor(urlPathEqualTo(AWS)))).as("Comprehend and Rekognition")
                .hasSize(2);
    }

    @Test
    void theProvidersListShowsEveryAdapterWithItsModalities() throws Exception {
        Map<String, ProviderInfo> listed = WardenApi.providers(TestClients.MODERATOR_KEY).listProviders()
                .getProviders().stream().collect(Collectors.toMap(ProviderInfo::getId, p -> p));

        List<ProviderInfo.ModalitiesEnum> textAndImage = List.of(ProviderInfo.ModalitiesEnum.TEXT,
                ProviderInfo.ModalitiesEnum.IMAGE);
        Map.of("cat-openai", "openai", "cat-azure", "azure-content-safety", "cat-hive", "hive", "cat-aws", "aws",
                "cat-sightengine", "sightengine").forEach((id, adapter) -> {
                    assertThat(listed.get(id).getAdapter()).isEqualTo(adapter);
                    assertThat(listed.get(id).getModalities()).as(id).containsExactlyElementsOf(textAndImage);
                });
        assertThat(listed.get("cat-llama-guard").getAdapter()).isEqualTo("http-json");
        assertThat(listed.get("cat-llama-guard").getModalities()).containsExactly(ProviderInfo.ModalitiesEnum.TEXT);
    }

    private static ModerationResult moderate(String policy) throws Exception {
        ModerationRequest request = WardenApi.text("catalogue canary text", policy)
                .addContentItem(WardenApi.image(simulatorUrl() + IMAGE_PATH));
        return WardenApi.moderations().createModeration(request, null);
    }

    private static Map<String, Double> scores(ModerationResult result, String provider) {
        return WardenApi.outcome(result, provider).getScores();
    }

    /** Sightengine answers this text verdict and a clean image, ahead of the flagged stubs. */
    private static void sightengineAnswers(String textAnswer) {
        WireMock sim = OpenAiSimulator.admin();
        sim.register(post(urlPathEqualTo(SIGHTENGINE + "text/check.json")).atPriority(1)
                .willReturn(json(textAnswer)));
        sim.register(post(urlPathEqualTo(SIGHTENGINE + "check.json")).atPriority(1)
                .willReturn(fixture("/sightengine/image-clean.json")));
    }

    private static MappingBuilder hive(String projectKey) {
        return post(urlPathEqualTo(HIVE)).withHeader("Authorization", equalTo("Token " + projectKey));
    }

    private static MappingBuilder aws(String target) {
        return post(urlPathEqualTo(AWS)).withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Authorization", containing("Credential=AKIDCATALOGUE/"));
    }

    private static ResponseDefinitionBuilder fixture(String resource) {
        return KitFixtures.answer(200, resource);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return KitFixtures.json(200, body);
    }

    private static String read(String resource) {
        return KitFixtures.body(resource);
    }

    private static String simulatorUrl() {
        return ConfigProvider.getConfig().getValue("warden.test.openai-simulator-url", String.class);
    }
}
