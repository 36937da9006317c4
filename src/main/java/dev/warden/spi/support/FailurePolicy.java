package dev.warden.spi.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorResponse;

/**
 * How one vendor's failures map onto {@link Kind}s: the HTTP status defaults every vendor shares, overridden by the
 * vendor's own error codes where it documents them. Messages name the vendor, the status and a code that does not
 * quote the request, plus the vendor's explanation through {@link ConfidentialText#shareable}; credential failures
 * never repeat the vendor's text (some echo part of the key) and give an operator hint instead.
 * <p>
 * Status defaults: 400, 404, 409, 413, 415, 422 and any other 4xx are {@code BAD_REQUEST} (our input or a wrong
 * base-url, not the vendor's health); 401 and 403 {@code AUTH}; 408 {@code TIMEOUT}; 429 {@code RATE_LIMITED} with
 * the vendor's wait; 5xx {@code UNAVAILABLE}; anything else (1xx, 2xx carrying an error, 3xx) {@code INVALID_RESPONSE}.
 * A code rule for a status wins over a code rule for any status, which wins over a status rule.
 */
public final class FailurePolicy {

    private static final String DEFAULT_AUTH_HINT = "the credentials were rejected; check the provider's settings";

    private final String vendorName;
    private final Function<VendorResponse, VendorError> errors;
    private final Map<Integer, Kind> byStatus;
    private final Map<String, Kind> byCode;
    private final Map<StatusCode, Kind> byStatusAndCode;
    private final Function<VendorResponse, Optional<Duration>> retryAfter;
    private final String authHint;
    private final Map<String, String> hintsByCode;

    private record StatusCode(int status, String code) {
    }

    private FailurePolicy(Builder builder) {
        this.vendorName = builder.vendorName;
        this.errors = builder.errors;
        this.byStatus = Map.copyOf(builder.byStatus);
        this.byCode = Map.copyOf(builder.byCode);
        this.byStatusAndCode = Map.copyOf(builder.byStatusAndCode);
        this.retryAfter = builder.retryAfter;
        this.authHint = builder.authHint;
        this.hintsByCode = Map.copyOf(builder.hintsByCode);
    }

    /** A policy with the status defaults, no error envelope and the {@code Retry-After} header. */
    public static Builder builder(String vendorName) {
        return new Builder(vendorName);
    }

    /** A non-2xx answer, with {@code sent} being what the call sent, which the message must not quote. */
    public ProviderException classify(VendorResponse response, ConfidentialText sent) {
        VendorError error = errors.apply(response);
        Kind kind = kindFor(response.status(), error);
        Optional<Duration> wait = kind == Kind.RATE_LIMITED ? retryAfter.apply(response) : Optional.empty();
        return failure(response.status(), error, kind, wait, sent);
    }

    /**
     * An error the vendor reported inside an answer (a 2xx body, as Sightengine does, or a failed task in a
     * callback): the same rules, and no wait since there is no header to read it from.
     */
    public ProviderException classify(int status, VendorError error, ConfidentialText sent) {
        return failure(status, error, kindFor(status, error), Optional.empty(), sent);
    }

    /** The kind a code maps to under any status, if the vendor documents it. */
    public Optional<Kind> kindForCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    private Kind kindFor(int status, VendorError error) {
        Optional<String> code = error.code();
        if (code.isPresent()) {
            Kind forStatus = byStatusAndCode.get(new StatusCode(status, code.get()));
            if (forStatus != null) {
                return forStatus;
            }
            Kind forCode = byCode.get(code.get());
            if (forCode != null) {
                return forCode;
            }
        }
        return byStatus.getOrDefault(status, defaultKind(status));
    }

    private static Kind defaultKind(int status) {
        if (status == 401 || status == 403) {
            return Kind.AUTH;
        }
        if (status == 408) {
            return Kind.TIMEOUT;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status >= 400 && status <= 499) {
            return Kind.BAD_REQUEST;
        }
        return status >= 500 && status <= 599 ? Kind.UNAVAILABLE : Kind.INVALID_RESPONSE;
    }

    private ProviderException failure(int status, VendorError error, Kind kind, Optional<Duration> wait,
            ConfidentialText sent) {
        Optional<String> code = error.code().filter(value -> !sent.isQuotedIn(value));
        String summary = vendorName + " answered " + status + code.map(value -> " " + value).orElse("");
        Optional<String> hint = error.code().map(hintsByCode::get);
        if (hint.isPresent()) {
            return new ProviderException(kind, summary + ": " + hint.get(), wait.orElse(null), null);
        }
        if (kind == Kind.AUTH) {
            return new ProviderException(kind, summary + ": " + authHint);
        }
        String explained = summary + error.message().map(message -> ": " + sent.shareable(message)).orElse("");
        return new ProviderException(kind, explained, wait.orElse(null), null);
    }

    /** Collects one vendor's rules; unset parts keep the defaults in the class comment. */
    public static final class Builder {

        private final String vendorName;
        private Function<VendorResponse, VendorError> errors = response -> VendorError.none();
        private final Map<Integer, Kind> byStatus = new HashMap<>();
        private final Map<String, Kind> byCode = new HashMap<>();
        private final Map<StatusCode, Kind> byStatusAndCode = new HashMap<>();
        private Function<VendorResponse, Optional<Duration>> retryAfter = response -> response.header("Retry-After")
                .flatMap(RetryAfter::parse);
        private String authHint = DEFAULT_AUTH_HINT;
        private final Map<String, String> hintsByCode = new HashMap<>();

        private Builder(String vendorName) {
            this.vendorName = Objects.requireNonNull(vendorName, "vendorName");
        }

        /** How to read the vendor's error envelope, e.g. {@code r -> VendorError.fromJson(r, "/error/code", ...)}. */
        public Builder errors(Function<VendorResponse, VendorError> reader) {
            this.errors = Objects.requireNonNull(reader, "reader");
            return this;
        }

        public Builder status(int status, Kind kind) {
            byStatus.put(status, Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** A vendor code that means {@code kind} under any status (AWS {@code ThrottlingException} on a 400). */
        public Builder code(String vendorCode, Kind kind) {
            byCode.put(Objects.requireNonNull(vendorCode, "vendorCode"), Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** A vendor code that means {@code kind} only with this status (OpenAI 429 {@code insufficient_quota}). */
        public Builder code(int status, String vendorCode, Kind kind) {
            byStatusAndCode.put(new StatusCode(status, Objects.requireNonNull(vendorCode, "vendorCode")),
                    Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Where the vendor says how long to wait on a {@code RATE_LIMITED} answer. */
        public Builder retryAfter(Function<VendorResponse, Optional<Duration>> reader) {
            this.retryAfter = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** What an operator should check when credentials are rejected; the vendor's own text is never repeated. */
        public Builder authHint(String operatorHint) {
            this.authHint = Objects.requireNonNull(operatorHint, "operatorHint");
            return this;
        }

        /**
         * What an operator should do when the vendor answers {@code vendorCode}, said instead of the vendor's text
         * (OpenAI {@code insufficient_quota}: the account is out of credit).
         */
        public Builder hint(String vendorCode, String operatorHint) {
            hintsByCode.put(Objects.requireNonNull(vendorCode, "vendorCode"),
                    Objects.requireNonNull(operatorHint, "operatorHint"));
            return this;
        }

        public FailurePolicy build() {
            return new FailurePolicy(this);
        }
    }
}
