package dev.warden.moderation;

import java.util.UUID;

/**
 * The callback URL a vendor job was given ({@code <warden.public-url>/v1/webhooks/<provider>?job=<job>&token=<token>})
 * and the job's id. The URL is a secret: whoever holds it can answer for the vendor, so it is never logged.
 */
record VendorCallback(UUID job, String url) {

    @Override
    public String toString() {
        return "VendorCallback[job=" + job + "]";
    }
}
