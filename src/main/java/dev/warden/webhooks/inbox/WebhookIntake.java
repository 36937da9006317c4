package dev.warden.webhooks.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import dev.warden.providers.Partner;
import dev.warden.providers.PartnerRegistry;
import dev.warden.spi.InboundWebhook;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.spi.VerifiedWebhook;
import dev.warden.spi.WebhookRejected;

/**
 * Takes in a partner's webhook in the order that keeps unsigned input cheap and unstored: the partner must accept
 * webhooks, the body must fit {@code warden.webhooks.max-body-size}, its partner's verifier must accept the raw bytes,
 * and only then is the body read, as a JSON object in UTF-8, and stored with its processing queued. Every refusal is
 * a {@link WebhookRefused} and counted.
 */
@ApplicationScoped
public class WebhookIntake {

    private final PartnerRegistry partners;
    private final WebhookInbox inbox;
    private final WebhookMetrics metrics;
    private final long maxBodySize;

    WebhookIntake(PartnerRegistry partners, WebhookInbox inbox, WebhookMetrics metrics, WebhookSettings settings) {
        this.partners = partners;
        this.inbox = inbox;
        this.metrics = metrics;
        this.maxBodySize = settings.maxBodySize().asLongValue();
    }

    /**
     * What can be refused before the body is read: a partner that accepts no webhooks, a declared length over the
     * limit ({@code -1}: none declared).
     */
    public Optional<WebhookRefused> beforeBody(String partner, long declaredLength) {
        try {
            webhooksOf(partner);
            if (declaredLength > maxBodySize) {
                throw tooLarge(declaredLength);
            }
            return Optional.empty();
        } catch (WebhookRefused refused) {
            metrics.rejected(partner, refused.refusal());
            return Optional.of(refused);
        }
    }

    /** Verifies, reads and stores the webhook; fails with {@link WebhookRefused} when it is not accepted. */
    public Uni<Receipt> receive(InboundWebhook webhook) {
        String partner = webhook.partner();
        return Uni.createFrom().deferred(() -> {
            PartnerWebhooks webhooks = webhooksOf(partner);
            if (webhook.body().length > maxBodySize) {
                throw tooLarge(webhook.body().length);
            }
            return webhooks.verifier().verify(webhook).onFailure(WebhookRejected.class)
                    .transform(failure -> {
                        WebhookRejected rejected = (WebhookRejected) failure;
                        return new WebhookRefused(Refusal.of(rejected.reason()), rejected.getMessage());
                    });
        }).chain(verified -> store(partner, verified, webhook.body()))
                .invoke(receipt -> metrics.accepted(partner, receipt))
                .onFailure(WebhookRefused.class)
                .invoke(failure -> metrics.rejected(partner, ((WebhookRefused) failure).refusal()));
    }

    private Uni<Receipt> store(String partner, VerifiedWebhook verified, byte[] body) {
        String text = utf8(body);
        Object parsed;
        try {
            parsed = Json.decodeValue(text);
        } catch (DecodeException malformed) {
            parsed = null;
        }
        if (!(parsed instanceof JsonObject event)) {
            throw new WebhookRefused(Refusal.MALFORMED, "the body is signed but is not a JSON object");
        }
        Optional<String> type = event.getValue("type") instanceof String name ? Optional.of(name) : Optional.empty();
        return inbox.store(partner, verified, type, text);
    }

    private PartnerWebhooks webhooksOf(String partner) {
        return partners.find(partner).flatMap(Partner::webhooks).orElseThrow(() -> new WebhookRefused(
                Refusal.UNKNOWN_PARTNER, "no partner with this id accepts webhooks"));
    }

    private WebhookRefused tooLarge(long length) {
        return new WebhookRefused(Refusal.TOO_LARGE,
                "the body has " + length + " bytes; the limit is " + maxBodySize + " (warden.webhooks.max-body-size)");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new WebhookRefused(Refusal.MALFORMED, "the body is signed but is not valid UTF-8");
        }
    }
}
