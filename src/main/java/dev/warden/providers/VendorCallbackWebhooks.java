package dev.warden.providers;

import dev.warden.spi.PartnerWebhooks;

/**
 * How vendors that answer by callback call Warden back, at {@code POST /v1/webhooks/<provider id>}: one verifier
 * (the per-job token of the callback URL) and one handler (the answer completes the provider's result) for every
 * provider whose adapter declares {@code async}. Implemented by the moderation flow.
 */
public interface VendorCallbackWebhooks {

    PartnerWebhooks webhooks();
}
