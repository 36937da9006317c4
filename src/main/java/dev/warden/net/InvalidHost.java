package dev.warden.net;

/** A host that cannot be read for certain; the message says why without repeating anything secret. */
public final class InvalidHost extends RuntimeException {

    InvalidHost(String reason) {
        super(reason, null, false, false);
    }
}
