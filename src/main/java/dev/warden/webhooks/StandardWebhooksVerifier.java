package dev.warden.webhooks;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.InboundWebhook;
import dev.warden.spi.VerifiedWebhook;
import dev.warden.spi.WebhookRejected;
import dev.warden.spi.WebhookRejected.Reason;
import dev.warden.spi.WebhookVerifier;

/**
 * Verifies Standard Webhooks (v1.0.0) the way its reference libraries do: HMAC-SHA256 over
 * {@code {webhook-id}.{webhook-timestamp}.{raw body}} with each of the partner's secrets (several during a
 * rotation), accepted when any {@code v1,} entry of {@code webhook-signature} matches one of them, compared in
 * constant time; unknown versions are ignored; a timestamp more than five minutes old or ahead is refused, so a
 * captured delivery cannot be replayed later.
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final List<WebhookSecret> secrets;
    private final Clock clock;

    public StandardWebhooksVerifier(List<WebhookSecret> secrets, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a partner's webhooks are never accepted unsigned: no secret given");
        }
        this.secrets = List.copyOf(secrets);
        this.clock = clock;
    }

    @Override
    public Uni<VerifiedWebhook> verify(InboundWebhook webhook) {
        try {
            return Uni.createFrom().item(verified(webhook));
        } catch (WebhookRejected rejected) {
            return Uni.createFrom().failure(rejected);
        }
    }

    private VerifiedWebhook verified(InboundWebhook webhook) {
        String id = required(webhook, StandardWebhooks.ID);
        String timestampText = required(webhook, StandardWebhooks.TIMESTAMP);
        String signatures = required(webhook, StandardWebhooks.SIGNATURE);
        if (id.contains(".") || id.length() > 256) {
            throw new WebhookRejected(Reason.BAD_SIGNATURE, "webhook-id must be at most 256 characters, without '.'");
        }
        long timestamp = timestamp(timestampText);
        // Compared as seconds: a hostile timestamp such as Long.MAX_VALUE is no Instant.
        long now = clock.instant().getEpochSecond();
        if (timestamp < now - TOLERANCE.toSeconds()) {
            throw new WebhookRejected(Reason.STALE_TIMESTAMP, "webhook-timestamp is more than "
                    + TOLERANCE.toMinutes() + " minutes old: sign each delivery attempt with the current time");
        }
        if (timestamp > now + TOLERANCE.toSeconds()) {
            throw new WebhookRejected(Reason.FUTURE_TIMESTAMP, "webhook-timestamp is more than "
                    + TOLERANCE.toMinutes() + " minutes ahead of Warden's clock");
        }
        if (!anyMatches(signatures, id, timestamp, webhook.body())) {
            throw new WebhookRejected(Reason.BAD_SIGNATURE,
                    "no v1 signature in webhook-signature matches a current secret of partner '" + webhook.partner()
                            + "' over {webhook-id}.{webhook-timestamp}.{body}");
        }
        return new VerifiedWebhook(id, Optional.of(Instant.ofEpochSecond(timestamp)));
    }

    private boolean anyMatches(String header, String id, long timestamp, byte[] body) {
        boolean matched = false;
        for (String entry : header.trim().split(" +")) {
            if (!entry.startsWith(StandardWebhooks.VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(StandardWebhooks.VERSION.length()));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            for (WebhookSecret secret : secrets) {
                // Every pair is compared, matched or not: the time taken says nothing about which one matched.
                matched |= MessageDigest.isEqual(StandardWebhooks.v1(secret, id, timestamp, body), given);
            }
        }
        return matched;
    }

    private static String required(InboundWebhook webhook, String header) {
        return webhook.header(header).filter(value -> !value.isBlank())
                .orElseThrow(() -> new WebhookRejected(Reason.MISSING_SIGNATURE,
                        "send the Standard Webhooks headers webhook-id, webhook-timestamp and webhook-signature;"
                                + " '" + header + "' is missing"));
    }

    private static long timestamp(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notSeconds) {
            throw new WebhookRejected(Reason.BAD_SIGNATURE, "webhook-timestamp must be integer Unix seconds");
        }
    }
}
