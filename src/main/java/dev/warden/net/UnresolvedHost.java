package dev.warden.net;

/** A host name with no address: the resolver failed or answered nothing. DNS may recover, so worth a retry. */
public final class UnresolvedHost extends RuntimeException {

    UnresolvedHost(Throwable cause) {
        super("unknown host", cause, false, false);
    }
}
