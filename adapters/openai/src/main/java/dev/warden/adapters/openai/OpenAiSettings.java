package dev.warden.adapters.openai;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;

/** One OpenAI provider's validated settings, and the endpoint and headers they imply. */
record OpenAiSettings(URI moderationsUri, String apiKey, String model, Optional<String> organization,
        Optional<String> project) {

    static final String BASE_URL = "base-url";
    static final String API_KEY = "api-key";
    static final String MODEL = "model";
    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final String DEFAULT_MODEL = "omni-moderation-latest";

    /** Same convention as OpenAI's SDKs: {@code base-url} names the API root, the operation path is appended. */
    private static final String MODERATIONS_PATH = "/moderations";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .url(BASE_URL, "API root, as OpenAI's SDKs call it; the adapter appends `" + MODERATIONS_PATH
                    + "`. No query or fragment.", DEFAULT_BASE_URL)
            .secret(API_KEY, "Sent as `Authorization: Bearer <key>`. Never logged or put in an error message.")
            .required().headerSafe()
            .string(MODEL, "Moderation model. A pinned snapshot keeps scores stable across OpenAI releases.",
                    DEFAULT_MODEL)
            .string(ORGANIZATION, "Sent as `OpenAI-Organization` when set (accounts in several organizations).", null)
            .headerSafe()
            .string(PROJECT, "Sent as `OpenAI-Project` when set (usage and limits counted per project).", null)
            .headerSafe()
            .build();

    static OpenAiSettings read(ProviderSettings source) {
        ReadSettings settings = SPEC.read(source);
        return new OpenAiSettings(URI.create(settings.url(BASE_URL) + MODERATIONS_PATH), settings.string(API_KEY),
                settings.string(MODEL), settings.optional(ORGANIZATION), settings.optional(PROJECT));
    }

    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        organization.ifPresent(value -> headers.put("OpenAI-Organization", value));
        project.ifPresent(value -> headers.put("OpenAI-Project", value));
        return headers;
    }

    /** The generated record form would print the API key into any log that prints the settings. */
    @Override
    public String toString() {
        return "OpenAiSettings[moderationsUri=" + moderationsUri + ", model=" + model + ", organization="
                + organization.orElse("-") + ", project=" + project.orElse("-") + "]";
    }
}
