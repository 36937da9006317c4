package dev.warden.adapters.dsatransparency;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.Existence;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.support.StrictJson;

/**
 * What the DSA Transparency Database's answers mean (partners.md §2.5). A 201 echoes each statement with its
 * {@code uuid}, {@code permalink} and {@code self}, matched by {@code puid} because the echo is normalised (arrays
 * re-sorted); a 422 names invalid items by index ({@code statement_<i>}), or duplicate puids (which also answers a
 * puid locked by a concurrent call), or nothing we can use; nothing of a refused batch is stored. Failures that say
 * nothing about the statements become {@link ReportingException}s: 401/403 {@code AUTH}, 429 (a plain-text body)
 * {@code RATE_LIMITED}, 5xx {@code UNAVAILABLE}, a redirect or a missing API {@code INVALID_RESPONSE}.
 */
final class DsaAnswers {

    static final String VENDOR = DsaTransparencyAdapterType.VENDOR;

    private static final Pattern ITEM = Pattern.compile("statement_(\\d+)");
    /** The references a stored statement carries in the 201 echo; the batch echo has no numeric id (§2.5). */
    private static final List<String> REFS = List.of("uuid", "permalink", "self");
    private static final String UUID = "uuid";
    private static final String PUID = "puid";
    private static final String AUTH_HINT = "the token was refused; check the partner's token (a regenerated token"
            + " invalidates the old one) and that its user may create statements for a platform";

    private DsaAnswers() {
    }

    /** The answer to {@code POST /api/v1/statements} carrying statements with these puids, in order. */
    static BatchAnswer submitted(VendorResponse response, List<String> puids, Supplier<SentText> sent) {
        int status = response.status();
        if (status == 200 || status == 201) {
            return accepted(response, puids);
        }
        if (status == 422) {
            return refused(response, puids, sent.get());
        }
        Optional<ReportingException> failure = failure(response, sent.get());
        if (failure.isPresent()) {
            throw failure.get();
        }
        // Another 4xx (400, 413, …) refused the call's content without naming an item: the core splits the batch.
        return new BatchAnswer.Rejected(Exchange.of(status, VENDOR + " answered " + status
                + partnerMessage(response).map(message -> ": " + sent.get().validation(message)).orElse("")));
    }

    /** The answer to {@code GET /api/v1/statement/existing-puid/{puid}}: 302 found (no redirect followed), 404 not. */
    static Existence existence(VendorResponse response, Supplier<SentText> sent) {
        if (response.status() == 302) {
            return new Existence.Exists(Exchange.of(302, VENDOR + " holds a statement with this puid"));
        }
        if (response.status() == 404) {
            return new Existence.Missing(Exchange.of(404, VENDOR + " holds no statement with this puid"));
        }
        throw failure(response, sent.get()).orElseGet(() -> invalid(response.status(), VENDOR + " answered "
                + response.status() + " to existing-puid, which answers only 302 or 404"));
    }

    /** A transport failure (connection, timeout, oversized answer) as a reporting failure with no answer. */
    static Throwable transport(Throwable failure) {
        if (failure instanceof ReportingException || !(failure instanceof ProviderException provider)) {
            return failure;
        }
        return new ReportingException(provider.kind(), Exchange.noAnswer(provider.getMessage()),
                provider.retryAfter());
    }

    private static BatchAnswer accepted(VendorResponse response, List<String> puids) {
        JsonNode statements = object(response).path(DsaStatementMapper.STATEMENTS);
        if (!statements.isArray()) {
            throw invalid(response.status(), VENDOR + " answered " + response.status() + " without statements");
        }
        Map<String, Map<String, String>> refsByPuid = new HashMap<>();
        for (JsonNode statement : statements) {
            JsonNode puid = statement.path(PUID);
            if (!puid.isTextual() || !statement.path(UUID).isTextual()) {
                throw invalid(response.status(), VENDOR + " answered a statement without puid or uuid");
            }
            Map<String, String> refs = new LinkedHashMap<>();
            REFS.stream().filter(ref -> statement.path(ref).isTextual())
                    .forEach(ref -> refs.put(ref, statement.path(ref).asText()));
            refsByPuid.put(puid.asText(), refs);
        }
        long missing = puids.stream().filter(puid -> !refsByPuid.containsKey(puid)).count();
        if (missing > 0) {
            throw invalid(response.status(), VENDOR + " answered " + response.status() + " without " + missing
                    + " of the " + puids.size() + " statements it was sent");
        }
        refsByPuid.keySet().retainAll(puids);
        return new BatchAnswer.Accepted(Exchange.of(response.status(), VENDOR + " stored " + puids.size()
                + (puids.size() == 1 ? " statement" : " statements")), refsByPuid);
    }

    private static BatchAnswer refused(VendorResponse response, List<String> puids, SentText sent) {
        JsonNode root = object(response);
        JsonNode errors = root.path("errors");
        Map<Integer, String> invalidItems = new HashMap<>();
        errors.fields().forEachRemaining(entry -> {
            Matcher item = ITEM.matcher(entry.getKey());
            if (item.matches()) {
                int index = Integer.parseInt(item.group(1));
                if (index >= puids.size()) {
                    throw invalid(422, VENDOR + " answered 422 naming statement " + index + " of a call with "
                            + puids.size());
                }
                invalidItems.put(index, itemMessage(entry.getValue(), sent));
            }
        });
        if (!invalidItems.isEmpty()) {
            return new BatchAnswer.ItemsInvalid(Exchange.of(422, VENDOR + " refused " + invalidItems.size() + " of "
                    + puids.size() + " statements as invalid; it stored none of them"), invalidItems);
        }
        if (errors.has(PUID) || errors.has("existing_puids") || root.has("existing")) {
            Set<String> duplicates = new LinkedHashSet<>();
            errors.path("existing_puids").forEach(puid -> duplicates.add(puid.asText()));
            Optional.ofNullable(root.path("existing").path(PUID).textValue()).ifPresent(duplicates::add);
            duplicates.retainAll(puids);
            if (duplicates.isEmpty() && puids.size() == 1) {
                duplicates.add(puids.get(0));
            }
            if (!duplicates.isEmpty()) {
                return new BatchAnswer.Duplicates(Exchange.of(422, VENDOR + " answered that " + duplicates.size()
                        + " puid(s) are not unique: already stored, or being stored by a concurrent call"),
                        duplicates);
            }
        }
        return new BatchAnswer.Rejected(Exchange.of(422, VENDOR + " answered 422"
                + partnerMessage(response).map(message -> ": " + sent.validation(message)).orElse("")));
    }

    /** One item's errors, {@code {"decision_ground": ["The selected decision ground is invalid."]}}, by our names. */
    private static String itemMessage(JsonNode itemErrors, SentText sent) {
        StringJoiner message = new StringJoiner("; ");
        if (itemErrors.isObject()) {
            itemErrors.fields().forEachRemaining(field -> {
                String name = DsaField.byWireName(field.getKey()).map(DsaField::fieldName).orElse(field.getKey());
                JsonNode first = field.getValue().isArray() ? field.getValue().path(0) : field.getValue();
                message.add(sent.validation(name + ": " + first.asText()));
            });
        } else {
            itemErrors.forEach(text -> message.add(sent.validation(text.asText())));
        }
        return message.length() == 0 ? VENDOR + " named this statement as invalid without a reason" : message.toString();
    }

    /** The classes shared by every call; empty for a 4xx the caller gives its own meaning. */
    private static Optional<ReportingException> failure(VendorResponse response, SentText sent) {
        int status = response.status();
        String summary = VENDOR + " answered " + status;
        Optional<String> said = partnerMessage(response).map(message -> ": " + sent.shareable(message));
        if (status == 401 || status == 403) {
            return Optional.of(new ReportingException(Kind.AUTH, Exchange.of(status, summary + ": " + AUTH_HINT)));
        }
        if (status == 429) {
            return Optional.of(new ReportingException(Kind.RATE_LIMITED, Exchange.of(status, summary + said.orElse("")),
                    response.header("Retry-After").flatMap(RetryAfter::parse)));
        }
        if (status == 408) {
            return Optional.of(new ReportingException(Kind.TIMEOUT, Exchange.of(status, summary)));
        }
        if (status >= 500 && status <= 599) {
            return Optional.of(new ReportingException(Kind.UNAVAILABLE, Exchange.of(status, summary + said.orElse(""))));
        }
        if (status >= 300 && status <= 399) {
            return Optional.of(invalid(status, summary + ", a redirect instead of an API answer; check base-url"));
        }
        if (status == 404 || status == 405) {
            return Optional.of(invalid(status, summary + ": no DSA API at this base-url"));
        }
        if (status >= 400 && status <= 499) {
            return Optional.empty();
        }
        return Optional.of(invalid(status, summary + ", which the API does not answer"));
    }

    /**
     * The partner's own words, when it sent some: a JSON {@code message} (or Laravel's
     * {@code errors.uncaught_exception}) or a plain-text body (the 429's {@code Limit Reached…}); callers pass them
     * through {@link SentText} before showing them.
     */
    private static Optional<String> partnerMessage(VendorResponse response) {
        String text;
        if (response.isJson()) {
            JsonNode root;
            try {
                root = StrictJson.object(response, VENDOR);
            } catch (ProviderException unreadable) {
                return Optional.empty();
            }
            JsonNode message = root.path("message").isTextual() ? root.path("message")
                    : root.path("errors").path("uncaught_exception");
            text = message.isArray() ? message.path(0).asText() : message.asText();
        } else {
            boolean plain = response.header("Content-Type").map(type -> type.toLowerCase(Locale.ROOT)
                    .startsWith("text/plain")).orElse(false);
            text = plain ? response.bodyText() : "";
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static JsonNode object(VendorResponse response) {
        try {
            return StrictJson.object(response, VENDOR);
        } catch (ProviderException unreadable) {
            throw invalid(response.status(), unreadable.getMessage());
        }
    }

    private static ReportingException invalid(int status, String message) {
        return new ReportingException(Kind.INVALID_RESPONSE, Exchange.of(status, message));
    }
}
