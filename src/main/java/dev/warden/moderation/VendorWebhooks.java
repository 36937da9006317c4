package dev.warden.moderation;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.providers.VendorCallbackWebhooks;
import dev.warden.spi.PartnerWebhooks;

/** The callbacks of vendors that answer later: verified by their job's token, applied to the waiting moderation. */
@ApplicationScoped
class VendorWebhooks implements VendorCallbackWebhooks {

    private final PartnerWebhooks webhooks;

    VendorWebhooks(VendorCallbackVerifier verifier, VendorCallbackHandler handler) {
        this.webhooks = new PartnerWebhooks(verifier, handler);
    }

    @Override
    public PartnerWebhooks webhooks() {
        return webhooks;
    }
}
