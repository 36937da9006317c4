package dev.warden.bench.loadgen;

/** The command line cannot be acted on; the message says why in terms of the arguments. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
