package dev.warden.webhooks.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a stored inbound event is: waiting for (or between) processing attempts, or ended one of three ways. */
public enum InboxStatus {
    /** Stored; processing pending, running or to be retried. */
    RECEIVED,
    /** Its handler applied it. */
    PROCESSED,
    /** Understood and deliberately not applied; kept with the reason. */
    REFUSED,
    /** Could not be processed (invalid, or still failing after the last attempt); replayable. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InboxStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
