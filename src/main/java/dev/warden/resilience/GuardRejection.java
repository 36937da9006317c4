package dev.warden.resilience;

/** The guard refused a call before it reached the vendor: open circuit, full bulkhead or local rate limit. */
public final class GuardRejection extends RuntimeException {

    public enum Reason {
        CIRCUIT_OPEN,
        BULKHEAD_FULL,
        RATE_LIMITED
    }

    private final Reason reason;

    public GuardRejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
