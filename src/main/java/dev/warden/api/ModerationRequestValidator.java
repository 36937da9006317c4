package dev.warden.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.warden.api.auth.ApiKeys;
import dev.warden.api.auth.Client;
import dev.warden.api.generated.model.ContentPart;
import dev.warden.api.generated.model.ModerationContext;
import dev.warden.api.generated.model.ModerationRequest;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.config.LimitsConfig;
import dev.warden.moderation.ModerationCommand;
import dev.warden.moderation.ModerationMode;
import dev.warden.moderation.PolicyCatalog;
import dev.warden.spi.ClassificationInput;
import dev.warden.webhooks.CallbackTargets;

/**
 * Checks a moderation request against the contract and the configured limits, collecting every problem at once,
 * then what it asks for (its policy, its callback URL), and turns a valid one into a {@link ModerationCommand}.
 */
@ApplicationScoped
class ModerationRequestValidator {

    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    static final int MAX_CONTEXT_VALUE_LENGTH = 256;
    private static final String CALLBACK_URL = "callbackUrl";

    /** Canonical JSON (sorted keys) so the same request always hashes the same. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The context's fields by API name, in the contract's order. */
    private static final Map<String, Function<ModerationContext, String>> CONTEXT_FIELDS = contextFields();

    private final LimitsConfig limits;
    private final PolicyCatalog policies;
    private final CallbackTargets callbackTargets;

    ModerationRequestValidator(LimitsConfig limits, PolicyCatalog policies, CallbackTargets callbackTargets) {
        this.limits = limits;
        this.policies = policies;
        this.callbackTargets = callbackTargets;
    }

    ModerationCommand validate(ModerationRequest request, String idempotencyKey, Client client) {
        if (request == null) {
            throw ProblemException.invalid(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkIdempotencyKey(idempotencyKey, problems);
        List<dev.warden.spi.ContentPart> parts = parts(request.getContent(), problems);
        Map<String, String> context = context(request.getContext(), problems);
        if (request.getCallbackUrl() != null && request.getCallbackUrl().length() > limits.maxUrlLength()) {
            problems.add(new FieldProblem(CALLBACK_URL, "must be at most " + limits.maxUrlLength() + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        String policy = request.getPolicy() == null ? "default" : request.getPolicy();
        if (policies.find(policy).isEmpty()) {
            throw new ProblemException(422, ProblemTypes.UNKNOWN_POLICY, "Unknown policy",
                    "No policy named '" + policy + "'; known: " + String.join(", ", policies.names()),
                    List.of(new FieldProblem("policy", "unknown policy '" + policy + "'")));
        }
        ModerationMode mode = request.getMode() == ModerationRequest.ModeEnum.ASYNC ? ModerationMode.ASYNC
                : ModerationMode.SYNC;
        Optional<String> callbackUrl = Optional.ofNullable(request.getCallbackUrl());
        callbackUrl.ifPresent(url -> checkCallbackUrl(url, mode, client));
        request.setPolicy(policy);
        return new ModerationCommand(client.name(), Optional.ofNullable(idempotencyKey), policy,
                new ClassificationInput(parts), context, sha256(request.getContent()), sha256(request), mode,
                callbackUrl);
    }

    /** Callbacks deliver what a sync answer already carries, so they need async mode; and a host the client may use. */
    private void checkCallbackUrl(String url, ModerationMode mode, Client client) {
        Optional<String> refusal = mode == ModerationMode.SYNC ? Optional.of("needs mode 'async': a sync answer"
                + " already carries the result") : callbackTargets.refusal(client.name(), url);
        refusal.ifPresent(reason -> {
            throw new ProblemException(422, ProblemTypes.CALLBACK_URL_REFUSED, "Callback URL refused",
                    "callbackUrl " + reason, List.of(new FieldProblem(CALLBACK_URL, reason)));
        });
    }

    private static void checkIdempotencyKey(String key, List<FieldProblem> problems) {
        if (key == null) {
            return;
        }
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            problems.add(new FieldProblem("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters"));
        } else if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problems.add(new FieldProblem("Idempotency-Key", "must be printable ASCII without spaces"));
        }
    }

    private List<dev.warden.spi.ContentPart> parts(List<ContentPart> content, List<FieldProblem> problems) {
        List<dev.warden.spi.ContentPart> parts = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            problems.add(new FieldProblem("content", "must contain at least one part"));
            return parts;
        }
        if (content.size() > limits.maxParts()) {
            problems.add(new FieldProblem("content", "must contain at most " + limits.maxParts() + " parts (got "
                    + content.size() + ")"));
            return parts;
        }
        for (int i = 0; i < content.size(); i++) {
            part(content.get(i), "content[" + i + "]", problems).ifPresent(parts::add);
        }
        return parts;
    }

    private Optional<dev.warden.spi.ContentPart> part(ContentPart part, String field, List<FieldProblem> problems) {
        if (part == null || part.getType() == null) {
            problems.add(new FieldProblem(field + ".type", "is required"));
            return Optional.empty();
        }
        return switch (part.getType()) {
            case TEXT -> text(part.getText(), field + ".text", problems);
            case IMAGE -> image(part.getUrl(), field + ".url", problems);
        };
    }

    private Optional<dev.warden.spi.ContentPart> text(String text, String field, List<FieldProblem> problems) {
        if (text == null) {
            problems.add(new FieldProblem(field, "is required for a text part"));
        } else if (text.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (text.length() > limits.maxTextLength()) {
            problems.add(new FieldProblem(field, "must be at most " + limits.maxTextLength() + " characters (got "
                    + text.length() + ")"));
        } else {
            return Optional.of(new dev.warden.spi.ContentPart.Text(text));
        }
        return Optional.empty();
    }

    private Optional<dev.warden.spi.ContentPart> image(String url, String field, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem(field, "is required for an image part"));
            return Optional.empty();
        }
        if (url.length() > limits.maxUrlLength() || !isHttpUrl(url)) {
            problems.add(new FieldProblem(field, "must be an http(s) URL of at most " + limits.maxUrlLength()
                    + " characters"));
            return Optional.empty();
        }
        return Optional.of(new dev.warden.spi.ContentPart.Image(url));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, String> context(ModerationContext context, List<FieldProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        if (context == null) {
            return values;
        }
        CONTEXT_FIELDS.forEach((name, getter) -> {
            String value = getter.apply(context);
            if (value == null) {
                return;
            }
            if (value.length() > MAX_CONTEXT_VALUE_LENGTH) {
                problems.add(new FieldProblem("context." + name, "must be at most " + MAX_CONTEXT_VALUE_LENGTH
                        + " characters"));
            } else if (value.indexOf('\u0000') >= 0) {
                // PostgreSQL cannot store U+0000 in text or JSON: refused here, before any vendor is called.
                problems.add(new FieldProblem("context." + name, "must not contain U+0000 (NUL)"));
            } else {
                values.put(name, value);
            }
        });
        return values;
    }

    private static Map<String, Function<ModerationContext, String>> contextFields() {
        Map<String, Function<ModerationContext, String>> fields = new LinkedHashMap<>();
        fields.put("contentId", ModerationContext::getContentId);
        fields.put("contentType", ModerationContext::getContentType);
        fields.put("userId", ModerationContext::getUserId);
        fields.put("locale", ModerationContext::getLocale);
        fields.put("surface", ModerationContext::getSurface);
        return Collections.unmodifiableMap(fields);
    }

    private static String sha256(Object value) {
        try {
            return ApiKeys.sha256Hex(CANONICAL.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a validated request", e);
        }
    }
}
