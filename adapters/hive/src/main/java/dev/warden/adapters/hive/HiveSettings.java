package dev.warden.adapters.hive;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.warden.spi.Modality;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.support.Crosswalk;

/**
 * One Hive provider's validated settings. Hive keys are per project, and text and visual moderation are separate
 * projects: the keys that are set decide what the provider classifies.
 */
record HiveSettings(URI syncUri, URI asyncUri, Optional<String> textApiKey, Optional<String> visualApiKey,
        HiveMode mode, int maxTextLength, Crosswalk textClasses, Crosswalk visualClasses) {

    static final String BASE_URL = "base-url";
    static final String TEXT_API_KEY = "text-api-key";
    static final String VISUAL_API_KEY = "visual-api-key";
    static final String MODE = "mode";
    static final String MAX_TEXT_LENGTH = "max-text-length";
    static final String TEXT_CLASSES = "text-classes";
    static final String VISUAL_CLASSES = "visual-classes";

    static final String DEFAULT_BASE_URL = "https://api.thehive.ai/api";
    /** Hive's default per text task; a project can have it raised (VA§4.5). */
    static final int DEFAULT_MAX_TEXT_LENGTH = 1024;

    private static final String SYNC_PATH = "/v2/task/sync";
    private static final String ASYNC_PATH = "/v2/task/async";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .url(BASE_URL, "Hive's API root; the adapter appends `" + SYNC_PATH + "` and `" + ASYNC_PATH + "`.",
                    DEFAULT_BASE_URL)
            .secret(TEXT_API_KEY, "API key of the Hive text moderation project; set it to classify text.").headerSafe()
            .secret(VISUAL_API_KEY, "API key of the Hive visual moderation project; set it to classify images.")
            .headerSafe()
            .choice(MODE, "`auto`: `/task/async` with a callback in an async moderation when the input is one task, "
                    + "`/task/sync` otherwise; `sync`: always sync; `async`: always async (refuses sync "
                    + "moderations and text with images).", HiveMode.AUTO.wireName(),
                    HiveMode.wireNames().toArray(String[]::new))
            .integer(MAX_TEXT_LENGTH, "Characters per text task; longer text is refused before the call (raise it "
                    + "if Hive raised your project's limit).", DEFAULT_MAX_TEXT_LENGTH, 1, 1_000_000)
            .prefix(TEXT_CLASSES, "`text-classes.<class>=cat1,cat2` maps a text class onto categories, replacing "
                    + "the built-in row; `none` = vendor-only.")
            .prefix(VISUAL_CLASSES, "`visual-classes.<class>=cat1,cat2` maps a visual class onto categories, "
                    + "replacing the built-in row; `none` = vendor-only.")
            .build();

    static HiveSettings read(ProviderSettings source) {
        ReadSettings settings = SPEC.read(source);
        URI baseUrl = settings.url(BASE_URL);
        Optional<String> textApiKey = settings.optional(TEXT_API_KEY);
        Optional<String> visualApiKey = settings.optional(VISUAL_API_KEY);
        if (textApiKey.isEmpty() && visualApiKey.isEmpty()) {
            throw source.invalid(TEXT_API_KEY, "or " + VISUAL_API_KEY + " is required: each Hive project has its "
                    + "own key, and the keys set decide what the provider classifies");
        }
        return new HiveSettings(URI.create(baseUrl + SYNC_PATH), URI.create(baseUrl + ASYNC_PATH), textApiKey,
                visualApiKey, HiveMode.fromWireName(settings.string(MODE)), settings.integer(MAX_TEXT_LENGTH),
                HiveCrosswalk.TEXT.withOverrides(settings, TEXT_CLASSES),
                HiveCrosswalk.VISUAL.withOverrides(settings, VISUAL_CLASSES));
    }

    /** Text with a text project's key, images with a visual project's key. */
    Set<Modality> modalities() {
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        textApiKey.ifPresent(key -> modalities.add(Modality.TEXT));
        visualApiKey.ifPresent(key -> modalities.add(Modality.IMAGE));
        return modalities;
    }

    String apiKey(HiveProject project) {
        return (project == HiveProject.TEXT ? textApiKey : visualApiKey).orElseThrow();
    }

    String[] secretValues() {
        List<String> secrets = new ArrayList<>();
        textApiKey.ifPresent(secrets::add);
        visualApiKey.ifPresent(secrets::add);
        return secrets.toArray(String[]::new);
    }

    /** The generated record form would print the keys into any log that prints the settings. */
    @Override
    public String toString() {
        return "HiveSettings[syncUri=" + syncUri + ", asyncUri=" + asyncUri + ", text-api-key="
                + textApiKey.map(key -> "****").orElse("-") + ", visual-api-key="
                + visualApiKey.map(key -> "****").orElse("-") + ", mode=" + mode.wireName() + ", max-text-length="
                + maxTextLength + "]";
    }
}
