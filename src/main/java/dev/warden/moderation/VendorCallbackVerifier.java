package dev.warden.moderation;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.persistence.VendorJob;
import dev.warden.persistence.VendorJobs;
import dev.warden.spi.InboundWebhook;
import dev.warden.spi.VerifiedWebhook;
import dev.warden.spi.WebhookRejected;
import dev.warden.spi.WebhookVerifier;

/**
 * Verifies a vendor's callback by the token of the callback URL its job was given (vendors such as Hive and
 * Sightengine sign nothing): the job must exist, belong to the provider named in the path, and the token's SHA-256
 * must equal the stored one, compared in constant time. The event id is the job's: a vendor that posts its answer
 * again is deduplicated by the inbox.
 */
@ApplicationScoped
class VendorCallbackVerifier implements WebhookVerifier {

    private static final String NOT_OURS = "no vendor job of this provider has this job id and token";

    private final VendorJobs jobs;

    VendorCallbackVerifier(VendorJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Uni<VerifiedWebhook> verify(InboundWebhook webhook) {
        Optional<String> job = webhook.queryParameter(VendorCallbackUrls.JOB);
        Optional<String> token = webhook.queryParameter(VendorCallbackUrls.TOKEN);
        if (job.isEmpty() || token.isEmpty()) {
            return Uni.createFrom().failure(new WebhookRejected(WebhookRejected.Reason.MISSING_SIGNATURE,
                    "a vendor callback carries the '" + VendorCallbackUrls.JOB + "' and '" + VendorCallbackUrls.TOKEN
                            + "' query parameters of the callback URL its job was given"));
        }
        UUID id;
        try {
            id = UUID.fromString(job.get());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(rejected());
        }
        byte[] presented = VendorCallbackUrls.sha256(token.get());
        return jobs.find(id).map(found -> found.filter(stored -> matches(stored, webhook.partner(), presented))
                .map(stored -> new VerifiedWebhook(stored.id().toString(), Optional.empty()))
                .orElseThrow(VendorCallbackVerifier::rejected));
    }

    private static boolean matches(VendorJob stored, String provider, byte[] presentedSha256) {
        return MessageDigest.isEqual(stored.tokenSha256(), presentedSha256) & stored.provider().equals(provider);
    }

    private static WebhookRejected rejected() {
        return new WebhookRejected(WebhookRejected.Reason.BAD_SIGNATURE, NOT_OURS);
    }
}
