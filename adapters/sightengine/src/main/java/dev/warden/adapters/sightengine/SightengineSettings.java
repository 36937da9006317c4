package dev.warden.adapters.sightengine;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.support.Crosswalk;

/** One Sightengine provider's validated settings, and the endpoints they imply. */
record SightengineSettings(URI imageUri, URI textUri, String apiUser, String apiSecret, List<String> models,
        TextMode textMode, List<String> textModels, String lang, List<String> optCountries, Optional<String> textList,
        Crosswalk crosswalk) {

    static final String BASE_URL = "base-url";
    static final String API_USER = "api-user";
    static final String API_SECRET = "api-secret";
    static final String MODELS = "models";
    static final String TEXT_MODE = "text-mode";
    static final String TEXT_MODELS = "text-models";
    static final String LANG = "lang";
    static final String OPT_COUNTRIES = "opt-countries";
    static final String TEXT_LIST = "text-list";
    static final String LABELS = "labels";

    static final String DEFAULT_BASE_URL = "https://api.sightengine.com/1.0";
    static final String DEFAULT_MODELS = "nudity-2.1,weapon,recreational_drug,gore-2.0";
    static final String DEFAULT_TEXT_MODELS = "general,self-harm";

    /** Model names, country codes and list ids are plain tokens; nothing else belongs in a form field of ours. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern LANGUAGES = Pattern.compile("[a-z]{2}(,[a-z]{2})*");

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .url(BASE_URL, "API root; the adapter appends `/check.json` and `/text/check.json`.", DEFAULT_BASE_URL)
            .string(API_USER, "Sent as the form field `api_user`; kept out of messages.", null)
            .required()
            .secret(API_SECRET, "Sent as the form field `api_secret` (never in the query, so never in access logs).")
            .required()
            .list(MODELS, "Image models for `check.json`.", DEFAULT_MODELS)
            .choice(TEXT_MODE, "Text moderation mode: `ml` (classifiers) or `rules` (pattern matching).",
                    TextMode.ML.wireName(), TextMode.ML.wireName(), TextMode.RULES.wireName())
            .list(TEXT_MODELS, "Text models in `ml` mode.", DEFAULT_TEXT_MODELS)
            .string(LANG, "Language(s) of the text, ISO 639-1, comma-separated.", "en")
            .list(OPT_COUNTRIES, "Countries for phone-number detection in `rules` mode, e.g. `us,gb`.", null)
            .string(TEXT_LIST, "A custom text list id (`tli_…`) to match in `rules` mode.", null)
            .prefix(LABELS, "`labels.<dotted label>=cat1,cat2` replaces that row of the crosswalk; "
                    + "`none` = vendor-only.")
            .build();

    static SightengineSettings read(ProviderSettings settings) {
        ReadSettings read = SPEC.read(settings);
        URI baseUrl = read.url(BASE_URL);
        TextMode mode = TextMode.ofWireName(read.string(TEXT_MODE));
        List<String> optCountries = tokens(settings, OPT_COUNTRIES, read.list(OPT_COUNTRIES));
        Optional<String> textList = read.optional(TEXT_LIST);
        textList.filter(id -> !TOKEN.matcher(id).matches()).ifPresent(bad -> {
            throw settings.invalid(TEXT_LIST, "must be a list id such as tli_abc123");
        });
        if (mode == TextMode.ML && (!optCountries.isEmpty() || textList.isPresent())) {
            throw settings.invalid(optCountries.isEmpty() ? TEXT_LIST : OPT_COUNTRIES,
                    "applies to text-mode rules only");
        }
        // Only a value the operator wrote counts: the default is there for ml mode and harmless in rules mode.
        if (mode == TextMode.RULES && settings.get(TEXT_MODELS).isPresent()) {
            throw settings.invalid(TEXT_MODELS, "applies to text-mode ml only");
        }
        String lang = read.string(LANG);
        if (!LANGUAGES.matcher(lang).matches()) {
            throw settings.invalid(LANG, "must be ISO 639-1 codes such as en or en,fr");
        }
        return new SightengineSettings(URI.create(baseUrl + "/check.json"), URI.create(baseUrl + "/text/check.json"),
                read.string(API_USER), read.string(API_SECRET), nonEmpty(settings, MODELS, read.list(MODELS)), mode,
                nonEmpty(settings, TEXT_MODELS, read.list(TEXT_MODELS)), lang, optCountries, textList,
                SightengineCrosswalk.DEFAULT.withOverrides(read, LABELS));
    }

    private static List<String> nonEmpty(ProviderSettings settings, String key, List<String> values) {
        if (values.isEmpty()) {
            throw settings.invalid(key, "must name at least one model");
        }
        return tokens(settings, key, values);
    }

    private static List<String> tokens(ProviderSettings settings, String key, List<String> values) {
        values.stream().filter(value -> !TOKEN.matcher(value).matches()).findFirst().ifPresent(bad -> {
            throw settings.invalid(key, "holds a value that is not a plain name (letters, digits, _ . -)");
        });
        return values;
    }

    String imageModel() {
        return "sightengine/" + String.join(",", models);
    }

    String textModel() {
        return "sightengine/text-" + textMode.wireName();
    }

    /** The generated record form would print the secret into any log that prints the settings. */
    @Override
    public String toString() {
        return "SightengineSettings[imageUri=" + imageUri + ", textUri=" + textUri + ", models=" + models
                + ", textMode=" + textMode.wireName() + ", textModels=" + textModels + ", lang=" + lang
                + ", optCountries=" + optCountries + ", textList=" + textList.orElse("-") + "]";
    }
}
