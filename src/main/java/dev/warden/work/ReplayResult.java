package dev.warden.work;

/** What {@link Outbox#replay} did. */
public sealed interface ReplayResult {

    /** The row is pending again, due now; its attempts are kept. */
    record Replayed(Delivery delivery) implements ReplayResult {
    }

    /** The row is still pending (due or being worked): nothing to replay. */
    record StillPending(Delivery delivery) implements ReplayResult {
    }

    record Missing() implements ReplayResult {
    }
}
