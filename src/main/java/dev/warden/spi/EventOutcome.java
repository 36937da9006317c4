package dev.warden.spi;

/**
 * How processing a stored {@link InboxEvent} ended, as its handler judged it. A failed Uni instead is a failure in
 * Warden (the database, a bug): the event is processed again later, with backoff.
 */
public sealed interface EventOutcome {

    /** The event changed what it was meant to change. */
    record Applied() implements EventOutcome {
    }

    /**
     * The event was understood and deliberately not applied (a review for an unknown moderation, a second review of
     * a completed one, a vendor answer after the deadline): kept with the reason, never applied twice.
     */
    record Refused(String reason) implements EventOutcome {
    }

    /**
     * The event can never be applied as it is (a payload the handler cannot read): failed, replayable by an
     * operator.
     */
    record Invalid(String reason) implements EventOutcome {
    }

    static EventOutcome applied() {
        return new Applied();
    }

    static EventOutcome refused(String reason) {
        return new Refused(reason);
    }

    static EventOutcome invalid(String reason) {
        return new Invalid(reason);
    }
}
