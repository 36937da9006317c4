package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.warden.spi.ProviderException.Kind;

/**
 * The failure matrix every network adapter must map the same way (plan §3.3), unless its fixtures declare a
 * documented deviation. Error statuses carry a JSON body that echoes the sample text and the secrets, as vendors'
 * messages do, so the kit can check no message repeats them.
 */
public enum FailureCase {
    BAD_REQUEST_400(Kind.BAD_REQUEST),
    UNAUTHORIZED_401(Kind.AUTH),
    FORBIDDEN_403(Kind.AUTH),
    NOT_FOUND_404(Kind.BAD_REQUEST),
    REQUEST_TIMEOUT_408(Kind.TIMEOUT),
    TOO_LARGE_413(Kind.BAD_REQUEST),
    RATE_LIMITED_429_WITH_RETRY_AFTER(Kind.RATE_LIMITED),
    RATE_LIMITED_429(Kind.RATE_LIMITED),
    SERVER_ERROR_500(Kind.UNAVAILABLE),
    BAD_GATEWAY_502(Kind.UNAVAILABLE),
    UNAVAILABLE_503(Kind.UNAVAILABLE),
    GATEWAY_TIMEOUT_504(Kind.UNAVAILABLE),
    /** Slower than the attempt timeout the kit's transport is limited to. */
    SLOW_ANSWER(Kind.TIMEOUT),
    CONNECTION_RESET(Kind.UNAVAILABLE),
    EMPTY_RESPONSE(Kind.UNAVAILABLE),
    TRUNCATED_JSON(Kind.INVALID_RESPONSE),
    EMPTY_OBJECT(Kind.INVALID_RESPONSE),
    JSON_ARRAY(Kind.INVALID_RESPONSE),
    OVERSIZED(Kind.INVALID_RESPONSE),
    HTML_PAGE(Kind.INVALID_RESPONSE),
    /** Nothing listens at the base URL. */
    UNREACHABLE(Kind.UNAVAILABLE);

    /** The wait the 429 with {@code Retry-After} asks for. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    /** The attempt timeout of the kit's transport in {@link #SLOW_ANSWER}, and the vendor's delay beyond it. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(300);
    private static final int SLOW_DELAY_MILLIS = 2000;

    private static final int OVERSIZED_BYTES = 10 * 1024 * 1024;

    private final Kind expected;

    FailureCase(Kind expected) {
        this.expected = expected;
    }

    public Kind expected() {
        return expected;
    }

    /** The wait the failure must carry; only the 429 with a header asks for one. */
    public Optional<Duration> retryAfter() {
        return this == RATE_LIMITED_429_WITH_RETRY_AFTER ? Optional.of(RETRY_AFTER) : Optional.empty();
    }

    /** The vendor's answer; {@code echo} is a JSON error body quoting the request. Not for {@link #UNREACHABLE}. */
    public ResponseDefinitionBuilder answer(String echo) {
        return switch (this) {
            case BAD_REQUEST_400, UNAUTHORIZED_401, FORBIDDEN_403, NOT_FOUND_404, REQUEST_TIMEOUT_408, TOO_LARGE_413,
                    RATE_LIMITED_429, SERVER_ERROR_500, BAD_GATEWAY_502, UNAVAILABLE_503, GATEWAY_TIMEOUT_504 ->
                json(status(), echo);
            case RATE_LIMITED_429_WITH_RETRY_AFTER -> json(429, echo)
                    .withHeader("Retry-After", Long.toString(RETRY_AFTER.toSeconds()));
            case SLOW_ANSWER -> json(200, echo).withFixedDelay(SLOW_DELAY_MILLIS);
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case TRUNCATED_JSON -> json(200, "{\"results\": [ {\"flag");
            case EMPTY_OBJECT -> json(200, "{}");
            case JSON_ARRAY -> json(200, "[1, 2]");
            case OVERSIZED -> oversized();
            case HTML_PAGE -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Login</body></html>");
            case UNREACHABLE -> throw new IllegalStateException("nothing answers when the vendor is unreachable");
        };
    }

    private int status() {
        return Integer.parseInt(name().substring(name().lastIndexOf('_') + 1));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder oversized() {
        byte[] body = new byte[OVERSIZED_BYTES];
        Arrays.fill(body, (byte) ' ');
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
