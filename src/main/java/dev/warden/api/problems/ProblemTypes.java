package dev.warden.api.problems;

/** The {@code type} URIs of every problem Warden answers with; documented in README.md. */
public final class ProblemTypes {

    private static final String BASE = "https://warden.dev/problems/";

    public static final String VALIDATION = BASE + "validation";
    public static final String MALFORMED_JSON = BASE + "malformed-json";
    public static final String UNKNOWN_POLICY = BASE + "unknown-policy";
    public static final String IDEMPOTENCY_CONFLICT = BASE + "idempotency-conflict";
    public static final String IDEMPOTENCY_IN_FLIGHT = BASE + "idempotency-in-flight";
    public static final String CALLBACK_URL_REFUSED = BASE + "callback-url-refused";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String POLICY_NOT_ALLOWED = BASE + "policy-not-allowed";
    public static final String RATE_LIMITED = BASE + "rate-limited";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String PAYLOAD_TOO_LARGE = BASE + "payload-too-large";
    public static final String UNAVAILABLE = BASE + "unavailable";
    public static final String INTERNAL = BASE + "internal";
    public static final String DELIVERY_PENDING = BASE + "delivery-pending";
    public static final String WEBHOOK_SIGNATURE_REFUSED = BASE + "webhook-signature-refused";
    public static final String WEBHOOK_EVENT_NOT_REPLAYABLE = BASE + "webhook-event-not-replayable";
    public static final String UNKNOWN_PARTNER = BASE + "unknown-partner";
    public static final String WRONG_FORMAT = BASE + "wrong-format";
    public static final String REPORT_CONFLICT = BASE + "report-conflict";
    public static final String REPORT_NOT_RETRYABLE = BASE + "report-not-retryable";
    public static final String REPORT_NOT_RETRACTABLE = BASE + "report-not-retractable";
    public static final String REPORT_NOT_DRAFT = BASE + "report-not-draft";

    /** For HTTP errors the framework raises (405, 406, 415, ...): named after the status. */
    public static String forStatus(int status) {
        return BASE + "http-" + status;
    }

    private ProblemTypes() {
    }
}
