package dev.warden.adapters.azurecontentsafety;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.warden.spi.Category;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.support.Crosswalk;

/** One Azure AI Content Safety provider's validated settings, and the endpoints and scales they imply. */
record AzureSettings(URI textUri, URI imageUri, String apiKey, SeverityLevels textLevels, List<String> categories,
        List<String> blocklistNames, boolean haltOnBlocklistHit, Optional<Category> blocklistCategory,
        Crosswalk crosswalk, String model) {

    static final String BASE_URL = "base-url";
    static final String API_KEY = "api-key";
    static final String API_VERSION = "api-version";
    static final String OUTPUT_TYPE = "output-type";
    static final String CATEGORIES = "categories";
    static final String BLOCKLIST_NAMES = "blocklist-names";
    static final String HALT_ON_BLOCKLIST_HIT = "halt-on-blocklist-hit";
    static final String BLOCKLIST_CATEGORY = "blocklist-category";
    static final String LABELS = "labels";

    static final String DEFAULT_API_VERSION = "2024-09-01";

    /** Azure's blocklist name rule (VA§3.5). */
    private static final Pattern BLOCKLIST_NAME = Pattern.compile("[0-9A-Za-z._~-]{1,64}");

    /** GA ({@code 2024-09-01}) and preview ({@code 2024-02-15-preview}) versions; goes into the query unescaped. */
    private static final Pattern API_VERSION_FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .url(BASE_URL, "The resource's endpoint, `https://<resource>.cognitiveservices.azure.com`; the adapter "
                    + "appends `/contentsafety/text:analyze` and `/contentsafety/image:analyze`.", null)
            .required()
            .secret(API_KEY, "Sent as `Ocp-Apim-Subscription-Key`.")
            .required()
            .headerSafe()
            .string(API_VERSION, "The `api-version` query parameter of every call.", DEFAULT_API_VERSION)
            .choice(OUTPUT_TYPE, "Severity levels for text (images always get four).",
                    SeverityLevels.FOUR.outputType(), SeverityLevels.FOUR.outputType(),
                    SeverityLevels.EIGHT.outputType())
            .list(CATEGORIES, "The Azure categories to analyze: a subset of `Hate`, `SelfHarm`, `Sexual`, "
                    + "`Violence`.", String.join(",", AzureCrosswalk.LABELS))
            .list(BLOCKLIST_NAMES, "Text blocklists to match, each `[0-9A-Za-z._~-]{1,64}`.", null)
            .bool(HALT_ON_BLOCKLIST_HIT, "Skip the harm classifiers when a blocklist matches.", false)
            .choice(BLOCKLIST_CATEGORY, "The taxonomy category a blocklist match scores 1.0 in; unset, a match "
                    + "is the vendor score `blocklist:<name>` only.", null, categoryNames())
            .prefix(LABELS, "`labels.<Azure category>=cat1,cat2` replaces that row of the crosswalk; "
                    + "`none` = vendor-only.")
            .build();

    static AzureSettings read(ProviderSettings settings) {
        ReadSettings read = SPEC.read(settings);
        URI baseUrl = read.url(BASE_URL);
        String apiVersion = read.string(API_VERSION);
        if (!API_VERSION_FORMAT.matcher(apiVersion).matches()) {
            throw settings.invalid(API_VERSION, "must look like 2024-09-01 or 2024-02-15-preview");
        }
        SeverityLevels levels = SeverityLevels.ofOutputType(read.string(OUTPUT_TYPE));
        List<String> categories = categories(settings, read.list(CATEGORIES));
        List<String> blocklists = read.list(BLOCKLIST_NAMES);
        blocklists.stream().filter(name -> !BLOCKLIST_NAME.matcher(name).matches()).findFirst().ifPresent(bad -> {
            throw settings.invalid(BLOCKLIST_NAMES, "holds a name Azure refuses: use 1 to 64 of [0-9A-Za-z._~-]");
        });
        Optional<Category> blocklistCategory = read.optional(BLOCKLIST_CATEGORY).flatMap(Category::fromWireName);
        Crosswalk crosswalk = AzureCrosswalk.DEFAULT.withOverrides(read, LABELS);
        return new AzureSettings(operation(baseUrl, "text:analyze", apiVersion),
                operation(baseUrl, "image:analyze", apiVersion), read.string(API_KEY), levels, categories, blocklists,
                read.bool(HALT_ON_BLOCKLIST_HIT), blocklistCategory, crosswalk,
                "content-safety/" + apiVersion);
    }

    private static List<String> categories(ProviderSettings settings, List<String> categories) {
        if (categories.isEmpty()) {
            throw settings.invalid(CATEGORIES, "must name at least one of " + AzureCrosswalk.LABELS);
        }
        List<String> unknown = categories.stream().filter(name -> !AzureCrosswalk.LABELS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw settings.invalid(CATEGORIES, "holds " + unknown + "; Azure knows " + AzureCrosswalk.LABELS);
        }
        if (new HashSet<>(categories).size() != categories.size()) {
            throw settings.invalid(CATEGORIES, "names a category twice");
        }
        return categories;
    }

    private static String[] categoryNames() {
        return Arrays.stream(Category.values()).map(Category::wireName).toArray(String[]::new);
    }

    private static URI operation(URI baseUrl, String operation, String apiVersion) {
        return URI.create(baseUrl + "/contentsafety/" + operation + "?api-version=" + apiVersion);
    }

    /** The generated record form would print the API key into any log that prints the settings. */
    @Override
    public String toString() {
        return "AzureSettings[textUri=" + textUri + ", imageUri=" + imageUri + ", textLevels=" + textLevels
                + ", categories=" + categories + ", blocklistNames=" + blocklistNames + ", haltOnBlocklistHit="
                + haltOnBlocklistHit + ", blocklistCategory=" + blocklistCategory.map(Category::wireName).orElse("-")
                + "]";
    }
}
