package dev.warden.webhooks;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import dev.warden.providers.ProviderCallRecorder;
import dev.warden.resilience.CallerDeadlineReached;
import dev.warden.resilience.GuardRejection;
import dev.warden.spi.ProviderException;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Delivers {@code callback} outbox rows: the event, signed with every current secret of its client (Standard
 * Webhooks), POSTed to the callback URL through the client's receiver guard, within {@code warden.callbacks.timeout}.
 * The URL is checked again against the client's {@code callback-hosts} (configuration may have changed since the
 * request) and its host resolved and checked before anything is sent.
 *
 * <p>2xx is done; 410 stops; a redirect, 429, 5xx, other 4xx, a timeout or a failed connection is retried later
 * (honouring {@code Retry-After}), as is an open circuit, which never contacts the receiver. A URL or address Warden
 * will not call, and a client without secrets, stop at once: retrying would not change them.
 */
@ApplicationScoped
public class CallbackDelivery implements WorkHandler {

    public static final String KIND = "callback";
    static final String MESSAGE_ID_PREFIX = "msg_";
    /** The guard's own timeout fires first, so a receiver too slow to answer counts against it. */
    private static final Duration LAST_RESORT_MARGIN = Duration.ofMillis(1);

    private final CallbackSecrets secrets;
    private final CallbackTargets targets;
    private final CallbackReceivers receivers;
    private final CallbackAddresses addresses;
    private final CallbackHttp http;
    private final ProviderCallRecorder recorder;

    CallbackDelivery(CallbackSecrets secrets, CallbackTargets targets, CallbackReceivers receivers,
            CallbackAddresses addresses, CallbackHttp http, ProviderCallRecorder recorder) {
        this.secrets = secrets;
        this.targets = targets;
        this.receivers = receivers;
        this.addresses = addresses;
        this.http = http;
        this.recorder = recorder;
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
            return Uni.createFrom().item(stop(refused));
        }
        CallbackReceiver receiver = receivers.of(callback.client()).orElseThrow();
        Duration timeout = receivers.settings().timeout();
        Instant deadline = Instant.now().plus(timeout);
        long started = System.nanoTime();
        receiver.guard().recordRequest();
        Buffer body = callback.event().toBuffer();
        return addresses.checked(target)
                .chain(address -> receiver.guard().attempt(() -> send(item, target, address, keys, body, deadline)))
                .ifNoItem().after(timeout.plus(LAST_RESORT_MARGIN))
                .failWith(() -> new ProviderException(ProviderException.Kind.TIMEOUT, noAnswerWithin(timeout)))
                .map(answer -> new Judged(new AttemptResult.Done(Optional.of(answer.status())), "ok"))
                .onFailure(CallbackDelivery::judgeable).recoverWithItem(CallbackDelivery::judge)
                .invoke(judged -> recorder.record(receiver.id(), judged.outcome(),
                        Duration.ofNanos(System.nanoTime() - started), !(judged.result() instanceof AttemptResult.Done)))
                .map(Judged::result);
    }

    private CallbackTarget checkedUrl(Callback callback) {
        try {
            return targets.check(callback.client(), callback.url());
        } catch (CallbackRefused refused) {
            throw new CallbackRefused("the callback URL " + refused.getMessage());
        }
    }

    private Uni<ReceiverAnswer> send(WorkItem item, CallbackTarget target, InetAddress address,
            List<WebhookSecret> keys, Buffer body, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.toMillis() < 1) {
            return Uni.createFrom().failure(new CallerDeadlineReached(noAnswerWithin(receivers.settings().timeout())));
        }
        String messageId = MESSAGE_ID_PREFIX + item.id();
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                StandardWebhooks.ID, messageId,
                StandardWebhooks.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.SIGNATURE, StandardWebhooks.signature(keys, messageId, timestamp, body.getBytes()));
        return http.post(target.url(), address, headers, body)
                .ifNoItem().after(left).failWith(() -> new ProviderException(ProviderException.Kind.TIMEOUT,
                        noAnswerWithin(receivers.settings().timeout())))
                .map(answer -> {
                    if (answer.status() / 100 != 2) {
                        throw ReceiverRefusal.of(answer);
                    }
                    return answer;
                });
    }

    private static String noAnswerWithin(Duration timeout) {
        return "no answer within " + timeout.toMillis() + " ms";
    }

    /** The failures a delivery judges; anything else is a failure in Warden, which the outbox retries. */
    private static boolean judgeable(Throwable failure) {
        return failure instanceof CallbackRefused || failure instanceof ProviderException
                || failure instanceof GuardRejection;
    }

    private static Judged judge(Throwable failure) {
        if (failure instanceof CallbackRefused refused) {
            return new Judged(stop(refused), "refused");
        }
        if (failure instanceof ReceiverRefusal refusal) {
            return refusal.gone()
                    ? new Judged(new AttemptResult.Stop(refusal.httpStatus(), refusal.getMessage()), "gone")
                    : new Judged(new AttemptResult.Retry(refusal.httpStatus(), refusal.getMessage(),
                            refusal.retryAfter()), outcome(refusal));
        }
        if (failure instanceof GuardRejection rejection) {
            return new Judged(new AttemptResult.Retry(Optional.empty(), rejection.getMessage(), Optional.empty()),
                    rejection.reason() == GuardRejection.Reason.CIRCUIT_OPEN ? "circuit_open" : "rejected");
        }
        ProviderException transport = (ProviderException) failure;
        return new Judged(new AttemptResult.Retry(Optional.empty(), transport.getMessage(), transport.retryAfter()),
                outcome(transport));
    }

    private static String outcome(ProviderException failure) {
        return switch (failure.kind()) {
            case TIMEOUT -> "timeout";
            case RATE_LIMITED -> "rate_limited";
            default -> "error";
        };
    }

    private static AttemptResult stop(CallbackRefused refused) {
        return new AttemptResult.Stop(Optional.empty(), refused.getMessage());
    }

    /** An attempt's result, and the outcome it counts as in the receiver's call statistics. */
    private record Judged(AttemptResult result, String outcome) {
    }
}
