package dev.warden.embedded;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.client.model.ContentPart;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;

/**
 * SIGTERM on the embedded default: the request in flight still gets its stored answer, because the embedded
 * PostgreSQL stops only after Quarkus has drained ({@code quarkus.shutdown.timeout}), not alongside it.
 */
class EmbeddedShutdownIT {

    private static final Duration SLOW_VENDOR = Duration.ofSeconds(4);
    private static final String VENDOR_ANSWER = """
            {"id": "modr-1", "model": "omni-moderation-latest", "results": [{"flagged": false,
             "categories": {"harassment": false}, "category_scores": {"harassment": 0.01}}]}""";

    private final WireMockServer vendor = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startVendor() {
        vendor.start();
        vendor.stubFor(post(urlEqualTo("/v1/moderations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(VENDOR_ANSWER)
                .withFixedDelay((int) SLOW_VENDOR.toMillis())));
    }

    @AfterEach
    void stopVendor() {
        vendor.stop();
    }

    @Test
    void aRequestInFlightAtSigtermIsAnsweredAndStored(@TempDir Path directory) throws Exception {
        PackagedWarden warden = PackagedWarden.start(directory, "-Dwarden.providers.openai.api-key=sk-test",
                "-Dwarden.providers.openai.base-url=http://localhost:" + vendor.port() + "/v1",
                "-Dwarden.providers.openai.timeout=8s", "-Dwarden.policies.default.providers=openai",
                "-Dwarden.policies.default.deadline=9s");
        String key = Files.readString(directory.resolve(".warden/dev-api-key"), StandardCharsets.UTF_8).trim();
        ModerationRequest request = new ModerationRequest()
                .addContentItem(new ContentPart().type(ContentPart.TypeEnum.TEXT).text("hello"));

        CompletableFuture<ModerationResult> inFlight = CompletableFuture
                .supplyAsync(() -> call(() -> warden.moderations(key).createModeration(request, "in-flight")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !vendor.findAll(postRequestedFor(urlEqualTo("/v1/moderations"))).isEmpty());
        warden.close();

        ModerationResult answered = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answered.getProviders().get(0).getOutcome().getValue()).isEqualTo("ok");
        assertThat(warden.output()).doesNotContain("The database is unavailable");

        try (PackagedWarden restarted = PackagedWarden.start(directory)) {
            assertThat(restarted.moderations(key).getModeration(answered.getId())).isEqualTo(answered);
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
