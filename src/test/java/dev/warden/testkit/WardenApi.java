package dev.warden.testkit;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.warden.client.ApiClient;
import dev.warden.client.api.ModerationsApi;
import dev.warden.client.api.ProvidersApi;
import dev.warden.client.model.ContentPart;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;

/**
 * Clients generated from {@code openapi/warden-api.yaml}, pointed at the running test application: tests speak the
 * contract, so the server cannot drift from it unnoticed.
 */
public final class WardenApi {

    private WardenApi() {
    }

    public static ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(ConfigProvider.getConfig().getValue("test.url", String.class));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return client;
    }

    public static ModerationsApi moderations(String apiKey) {
        return new ModerationsApi(client(apiKey));
    }

    public static ModerationsApi moderations() {
        return moderations(TestClients.MODERATOR_KEY);
    }

    public static ProvidersApi providers(String apiKey) {
        return new ProvidersApi(client(apiKey));
    }

    public static ModerationRequest text(String text, String policy) {
        return new ModerationRequest().policy(policy)
                .addContentItem(new ContentPart().type(ContentPart.TypeEnum.TEXT).text(text));
    }

    public static ContentPart image(String url) {
        return new ContentPart().type(ContentPart.TypeEnum.IMAGE).url(url);
    }

    /** The outcome of one provider in an answer; fails the test if the answer has none for it. */
    public static ProviderOutcome outcome(ModerationResult result, String provider) {
        return result.getProviders().stream().filter(outcome -> outcome.getProvider().equals(provider)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + provider + " in " + result.getProviders()));
    }
}
