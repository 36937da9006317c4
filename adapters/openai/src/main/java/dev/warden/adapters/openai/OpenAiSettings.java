package dev.warden.adapters.openai;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.warden.spi.ProviderSettings;

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

    static OpenAiSettings read(ProviderSettings settings) {
        URI baseUrl = settings.uri(BASE_URL, DEFAULT_BASE_URL);
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw settings.invalid(BASE_URL, "must not carry a query or fragment; the adapter appends "
                    + MODERATIONS_PATH);
        }
        String apiKey = headerValue(settings, API_KEY, settings.require(API_KEY));
        String model = settings.get(MODEL, DEFAULT_MODEL);
        Optional<String> organization = settings.get(ORGANIZATION).map(value -> headerValue(settings, ORGANIZATION,
                value));
        Optional<String> project = settings.get(PROJECT).map(value -> headerValue(settings, PROJECT, value));
        return new OpenAiSettings(URI.create(baseUrl + MODERATIONS_PATH), apiKey, model, organization, project);
    }

    /** Refuses values that would break or smuggle headers; never echoes the value, which may be a secret. */
    private static String headerValue(ProviderSettings settings, String key, String value) {
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw settings.invalid(key, "must not contain whitespace or control characters");
        }
        return value;
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
