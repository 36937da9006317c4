package dev.warden.webhooks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.net.CheckedAddresses;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Delivers {@code callback} outbox rows: the event, signed with every current secret of its client (Standard
 * Webhooks), POSTed to the callback URL through the client's receiver guard, within {@code warden.callbacks.timeout}
 * ({@link SignedSender} says how each answer is judged). The URL is checked again against the client's
 * {@code callback-hosts} (configuration may have changed since the request) and its host resolved and checked before
 * anything is sent. A URL or address Warden will not call, and a client without secrets, stop at once: retrying would
 * not change them.
 */
@ApplicationScoped
public class CallbackDelivery implements WorkHandler {

    public static final String KIND = "callback";

    private final CallbackSecrets secrets;
    private final CallbackTargets targets;
    private final CallbackReceivers receivers;
    private final SignedSender sender;

    CallbackDelivery(CallbackSecrets secrets, CallbackTargets targets, CallbackReceivers receivers,
            CheckedAddresses addresses, CallbackHttp http, ProviderCallRecorder recorder) {
        this.secrets = secrets;
        this.targets = targets;
        this.receivers = receivers;
        this.sender = new SignedSender(http, addresses, recorder, receivers.settings().timeout());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        Callback callback;
        CallbackTarget target;
        List<WebhookSecret> keys;
        try {
            callback = Callback.of(item);
            keys = secrets.of(callback.client());
            if (keys.isEmpty()) {
                throw new CallbackRefused("client '" + callback.client() + "' has no callback-secret any more:"
                        + " callbacks are never sent unsigned");
            }
            target = checkedUrl(callback);
        } catch (CallbackRefused refused) {
            return Uni.createFrom().item(SignedSender.stop(refused));
        }
        return sender.send(receivers.of(callback.client()).orElseThrow(), target, keys,
                SignedSender.messageId(item.id()), callback.event().toBuffer());
    }

    private CallbackTarget checkedUrl(Callback callback) {
        try {
            return targets.check(callback.client(), callback.url());
        } catch (CallbackRefused refused) {
            throw new CallbackRefused("the callback URL " + refused.getMessage());
        }
    }
}
