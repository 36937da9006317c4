package dev.warden.webhooks.inbox;

/** What replaying an inbox event did. */
public sealed interface InboxReplay {

    /** Received again and queued for processing. */
    record Replayed(StoredEvent event) implements InboxReplay {
    }

    /** Still being processed, or processed already: nothing replayed. */
    record NotReplayable(StoredEvent event) implements InboxReplay {
    }

    record Missing() implements InboxReplay {
    }
}
