package dev.warden.persistence;

import java.time.Duration;

/** The database did not answer within {@code warden.database.timeout}: it is stalled, locked or out of connections. */
public class DatabaseTimeoutException extends RuntimeException {

    DatabaseTimeoutException(Duration timeout, Throwable cause) {
        super("The database did not answer within " + timeout.toMillis() + " ms", cause, false, false);
    }
}
