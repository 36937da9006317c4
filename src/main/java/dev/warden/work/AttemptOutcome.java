package dev.warden.work;

import java.util.Locale;

/** How one stored attempt ended. */
public enum AttemptOutcome {
    /** The handler answered {@link AttemptResult.Done}. */
    DONE,
    /** The handler answered {@link AttemptResult.Retry}. */
    RETRY,
    /** The handler answered {@link AttemptResult.Stop}, or no handler knows the row's kind. */
    STOP,
    /** The handler failed or threw: a failure in Warden, retried like {@link #RETRY}. */
    ERROR,
    /** The attempt was still running near the end of its lease and was called off; retried. */
    TIMEOUT,
    /** The worker stopped (Warden shut down) during the attempt; due again at once, for any replica. */
    INTERRUPTED,
    /** The lease of the process that made this attempt expired before it recorded the outcome (it crashed). */
    LOST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
