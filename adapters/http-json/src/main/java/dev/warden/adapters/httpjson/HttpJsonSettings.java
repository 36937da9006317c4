package dev.warden.adapters.httpjson;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonPointer;

import dev.warden.adapters.httpjson.HttpJsonEndpoint.Auth;
import dev.warden.adapters.httpjson.RequestTemplate.Placeholder;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.VendorError;

/**
 * One configured JSON vendor, read and checked at start-up: every problem fails with the key that has it, so a
 * provider that started can only fail on what the vendor answers.
 */
record HttpJsonSettings(HttpJsonEndpoint endpoint, RequestTemplate template, Set<Modality> modalities,
        HttpJsonVerdictReader reader, FailurePolicy failures, String[] secretValues) {

    static final String URL = "url";
    static final String METHOD = "method";
    static final String AUTH = "auth";
    static final String AUTH_NAME = "auth-name";
    static final String API_KEY = "api-key";
    static final String MODALITIES = "modalities";
    static final String CONTENT_TYPE = "request.content-type";
    static final String TEMPLATE = "request.template";
    static final String SCORES = "response.scores";
    static final String LABELS = "response.labels";
    static final String TEXT = "response.text";
    static final String TEXT_LABELS = "response.text-labels";
    static final String MODEL_POINTER = "response.model";
    static final String MODEL = "model";
    static final String SCALE = "scale";
    static final String CATEGORIES = "categories";
    static final String RATE_LIMITED = "status.rate-limited";
    static final String UNAVAILABLE = "status.unavailable";
    static final String AUTH_FAILED = "status.auth";
    static final String ERROR_CODE = "error.code";
    static final String ERROR_MESSAGE = "error.message";

    /** An HTTP header name: a token (RFC 9110), so the key cannot end up in another header. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final String TEXT_MODALITY = "text";
    private static final String IMAGE_MODALITY = "image";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .string(URL, "The endpoint, called as it is (a query is kept; `auth=query` adds the key to it).", null)
            .required()
            .choice(METHOD, "The HTTP method.", "POST", "POST", "PUT")
            .choice(AUTH, "Where the key goes: nowhere, `Authorization: Bearer <key>`, the header `auth-name`, or "
                    + "the query parameter `auth-name`.", Auth.NONE.wireName(), Arrays.stream(Auth.values())
                            .map(Auth::wireName).toArray(String[]::new))
            .string(AUTH_NAME, "The header or query parameter that carries the key (`auth=header` or `query`).", null)
            .headerSafe()
            .secret(API_KEY, "The key; required unless `auth=none`.").headerSafe()
            .list(MODALITIES, "What the vendor classifies: `text`, `image` or both; the template must use the "
                    + "placeholders for each.", TEXT_MODALITY)
            .string(CONTENT_TYPE, "The request's content type.", "application/json")
            .string(TEMPLATE, "The JSON body. `${text}` (text parts joined by a blank line), `${texts}` (a JSON "
                    + "array) and `${image_url}` (a string, or null without an image) stand for whole JSON values "
                    + "and are inserted as JSON by Jackson, never spliced into text: `{\"input\":${text}}`. In "
                    + "`application.properties` write `$${text}`: Quarkus reads `${text}` as a property reference.",
                    null)
            .required()
            .prefix(SCORES, "`response.scores.<label>=<json-pointer>`: where each label's score is. One of "
                    + "`response.scores.*`, `response.labels` and `response.text` is required.")
            .string(LABELS, "JSON pointer to an object of label → score, e.g. `/scores`.", null)
            .string(TEXT, "JSON pointer to a generated text that names the labels found (with "
                    + "`response.text-labels`), e.g. `/choices/0/message/content`.", null)
            .string(TEXT_LABELS, "Regex a label in `response.text` matches: found → 1, every label under "
                    + "`categories` not found → 0, e.g. `S\\d+`.", null)
            .string(MODEL_POINTER, "JSON pointer to the model name in the answer.", null)
            .string(MODEL, "The model name when the answer has none (default: the provider id).", null)
            .string(SCALE, "How scores are written: `probability` (0..1), `percent` (0..100), `levels:<max>` "
                    + "(whole 0..max → n/max) or `boolean` (true/false). Not used with `response.text`.",
                    ScoreScale.PROBABILITY)
            .prefix(CATEGORIES, "`categories.<label>=cat1,cat2`: the taxonomy categories a label feeds. Labels not "
                    + "listed stay vendor-only.")
            .list(RATE_LIMITED, "Statuses (and ranges such as `520-529`) that mean rate limited; `Retry-After` is "
                    + "honoured.", "429")
            .list(UNAVAILABLE, "Statuses that mean unavailable (retried, counted against the vendor's health).",
                    "500-599")
            .list(AUTH_FAILED, "Statuses that mean the key was rejected.", "401,403")
            .string(ERROR_CODE, "JSON pointer to the error code in a failure's body.", "/error/code")
            .string(ERROR_MESSAGE, "JSON pointer to the error message in a failure's body (shown only when it "
                    + "quotes neither the content nor the key).", "/error/message")
            .build();

    static HttpJsonSettings read(ProviderSettings source) {
        ReadSettings settings = SPEC.read(source);
        String vendor = source.providerId();
        Set<Modality> modalities = modalities(settings);
        RequestTemplate template = template(settings, modalities);
        Auth auth = Auth.valueOf(settings.string(AUTH).toUpperCase(Locale.ROOT));
        Optional<String> apiKey = settings.optional(API_KEY);
        Optional<String> authName = settings.optional(AUTH_NAME);
        requireAuthSettings(settings, auth, apiKey, authName);
        HttpJsonEndpoint endpoint = HttpJsonEndpoint.of(settings.string(METHOD), url(source, settings),
                contentType(settings), auth, authName, apiKey);
        Crosswalk crosswalk = Crosswalk.builder().build().withOverrides(settings, CATEGORIES);
        HttpJsonVerdictReader reader = new HttpJsonVerdictReader(vendor, scoreSource(settings),
                scale(settings), crosswalk, settings.optional(MODEL_POINTER).map(pointer(settings, MODEL_POINTER)),
                settings.optional(MODEL).orElse(vendor));
        String errorCode = settings.optional(ERROR_CODE).map(pointer(settings, ERROR_CODE)).orElseThrow().toString();
        String errorMessage = settings.optional(ERROR_MESSAGE).map(pointer(settings, ERROR_MESSAGE)).orElseThrow()
                .toString();
        FailurePolicy.Builder failures = FailurePolicy.builder(vendor)
                .errors(response -> VendorError.fromJson(response, errorCode, errorMessage))
                .authHint("the key was rejected; check api-key and auth");
        Map<String, Kind> statusKinds = new LinkedHashMap<>();
        statusKinds.put(RATE_LIMITED, Kind.RATE_LIMITED);
        statusKinds.put(UNAVAILABLE, Kind.UNAVAILABLE);
        statusKinds.put(AUTH_FAILED, Kind.AUTH);
        return new HttpJsonSettings(endpoint, template, modalities, reader,
                StatusRules.apply(settings, statusKinds, failures).build(), settings.secretValues());
    }

    private static Set<Modality> modalities(ReadSettings settings) {
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        for (String name : settings.list(MODALITIES)) {
            switch (name) {
                case TEXT_MODALITY -> modalities.add(Modality.TEXT);
                case IMAGE_MODALITY -> modalities.add(Modality.IMAGE);
                default -> throw settings.invalid(MODALITIES, "lists '" + name + "'; only " + TEXT_MODALITY + " and "
                        + IMAGE_MODALITY + " are known");
            }
        }
        if (modalities.isEmpty()) {
            throw settings.invalid(MODALITIES, "must list " + TEXT_MODALITY + ", " + IMAGE_MODALITY + " or both");
        }
        return modalities;
    }

    /** The template must parse, and carry the content of every modality it declares and no other. */
    private static RequestTemplate template(ReadSettings settings, Set<Modality> modalities) {
        RequestTemplate template;
        try {
            template = RequestTemplate.parse(settings.string(TEMPLATE));
        } catch (IllegalArgumentException e) {
            throw settings.invalid(TEMPLATE, e.getMessage());
        }
        Set<Placeholder> used = template.placeholders();
        boolean carriesText = used.contains(Placeholder.TEXT) || used.contains(Placeholder.TEXTS);
        if (modalities.contains(Modality.TEXT) != carriesText) {
            throw settings.invalid(TEMPLATE, carriesText ? "uses ${text} or ${texts}, but modalities has no text"
                    : "must use ${text} or ${texts} to carry the text");
        }
        boolean carriesImage = used.contains(Placeholder.IMAGE_URL);
        if (modalities.contains(Modality.IMAGE) != carriesImage) {
            throw settings.invalid(TEMPLATE, carriesImage ? "uses ${image_url}, but modalities has no image"
                    : "must use ${image_url} to carry the image");
        }
        return template;
    }

    private static void requireAuthSettings(ReadSettings settings, Auth auth, Optional<String> apiKey,
            Optional<String> authName) {
        if (auth == Auth.NONE && apiKey.isPresent()) {
            throw settings.invalid(API_KEY, "is set but auth is none: say where the key goes");
        }
        if (auth != Auth.NONE && apiKey.isEmpty()) {
            throw settings.invalid(API_KEY, "is required with auth " + auth.wireName());
        }
        boolean named = auth == Auth.HEADER || auth == Auth.QUERY;
        if (named && authName.isEmpty()) {
            throw settings.invalid(AUTH_NAME, "is required with auth " + auth.wireName());
        }
        if (!named && authName.isPresent()) {
            throw settings.invalid(AUTH_NAME, "is used only with auth header or query");
        }
        if (auth == Auth.HEADER && !HEADER_NAME.matcher(authName.orElseThrow()).matches()) {
            throw settings.invalid(AUTH_NAME, "must be an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)");
        }
    }

    /** Any http(s) URL; unlike a base URL it may carry a query (an API version), never a fragment. */
    private static URI url(ProviderSettings source, ReadSettings settings) {
        URI url = source.uri(URL, settings.string(URL));
        if (url.getRawFragment() != null) {
            throw settings.invalid(URL, "must not carry a fragment");
        }
        return url;
    }

    private static String contentType(ReadSettings settings) {
        String contentType = settings.string(CONTENT_TYPE);
        if (contentType.chars().anyMatch(Character::isISOControl)) {
            throw settings.invalid(CONTENT_TYPE, "must not contain control characters");
        }
        return contentType;
    }

    private static ScoreSource scoreSource(ReadSettings settings) {
        Map<String, String> scores = settings.children(SCORES);
        Optional<String> labels = settings.optional(LABELS);
        Optional<String> text = settings.optional(TEXT);
        Optional<String> textLabels = settings.optional(TEXT_LABELS);
        if (text.isPresent() != textLabels.isPresent()) {
            throw settings.invalid(text.isPresent() ? TEXT_LABELS : TEXT, "is required with "
                    + (text.isPresent() ? TEXT : TEXT_LABELS));
        }
        long sources = List.of(!scores.isEmpty(), labels.isPresent(), text.isPresent()).stream()
                .filter(Boolean::booleanValue).count();
        if (sources != 1) {
            throw settings.invalid(SCORES, "(.<label>), " + LABELS + " or " + TEXT + ": exactly one must be set, got "
                    + sources);
        }
        if (labels.isPresent()) {
            return new ScoreSource.LabelsObject(pointer(settings, LABELS).apply(labels.get()));
        }
        if (text.isPresent()) {
            if (settings.optional(SCALE).filter(scale -> !scale.equals(ScoreScale.PROBABILITY)).isPresent()) {
                throw settings.invalid(SCALE, "does not apply to " + TEXT + ": a label found scores 1");
            }
            return new ScoreSource.TextLabels(pointer(settings, TEXT).apply(text.get()), regex(settings),
                    settings.children(CATEGORIES).keySet());
        }
        Map<String, JsonPointer> byLabel = new LinkedHashMap<>();
        scores.forEach((label, written) -> byLabel.put(label, pointer(settings, SCORES + "." + label)
                .apply(written)));
        return new ScoreSource.Pointers(byLabel);
    }

    private static Pattern regex(ReadSettings settings) {
        try {
            return Pattern.compile(settings.string(TEXT_LABELS));
        } catch (PatternSyntaxException e) {
            throw settings.invalid(TEXT_LABELS, "is not a regular expression: " + e.getDescription());
        }
    }

    private static ScoreScale scale(ReadSettings settings) {
        try {
            return ScoreScale.parse(settings.string(SCALE));
        } catch (IllegalArgumentException e) {
            throw settings.invalid(SCALE, e.getMessage());
        }
    }

    /** A JSON pointer: {@code /a/0/b}; the empty pointer (the whole answer) is never a score's place. */
    private static Function<String, JsonPointer> pointer(ReadSettings settings, String key) {
        return written -> {
            try {
                if (!written.startsWith("/")) {
                    throw new IllegalArgumentException("not absolute");
                }
                return JsonPointer.compile(written);
            } catch (IllegalArgumentException e) {
                throw settings.invalid(key, "must be a JSON pointer such as /scores/toxic, got '" + written + "'");
            }
        };
    }

    @Override
    public String toString() {
        return "HttpJsonSettings[" + endpoint + ", modalities=" + modalities + "]";
    }
}
