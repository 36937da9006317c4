package dev.warden.webhooks;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import dev.warden.providers.Partner;
import dev.warden.resilience.ProviderGuard;
import dev.warden.work.AttemptResult;

/**
 * A partner's fixed, operator-configured URL that receives signed Standard Webhooks events (a review desk's), with
 * the partner's guard and an HTTP client of its own. Configured by the operator, its host may be a private address,
 * never a metadata one (checked at every delivery, as a client's exactly listed callback host is).
 */
public final class SignedEndpoint {

    private final CallbackTarget target;
    private final List<WebhookSecret> signingKeys;
    private final ProviderGuard guard;
    private final SignedSender sender;

    SignedEndpoint(CallbackUrl url, List<WebhookSecret> signingKeys, ProviderGuard guard, SignedSender sender) {
        this.target = new CallbackTarget(url, true);
        this.signingKeys = List.copyOf(signingKeys);
        this.guard = guard;
        this.sender = sender;
    }

    public ProviderGuard guard() {
        return guard;
    }

    /**
     * One attempt at delivering the outbox row {@code outboxRowId}'s event to {@code partner} (whose guard this is);
     * its {@code webhook-id} is the same on every attempt.
     */
    public Uni<AttemptResult> deliver(Partner partner, Object outboxRowId, Buffer event) {
        return sender.send(partner, target, signingKeys, SignedSender.messageId(outboxRowId), event);
    }
}
