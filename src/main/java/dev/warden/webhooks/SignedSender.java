package dev.warden.webhooks;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import dev.warden.net.AddressKind;
import dev.warden.net.AddressRefused;
import dev.warden.net.CheckedAddresses;
import dev.warden.net.UnresolvedHost;
import dev.warden.providers.Partner;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.resilience.CallerDeadlineReached;
import dev.warden.resilience.GuardRejection;
import dev.warden.spi.ProviderException;
import dev.warden.work.AttemptResult;

/**
 * One attempt at delivering a signed event (Standard Webhooks) to a receiver, judged for the outbox: the target's
 * address checked, the event signed with every given secret and POSTed through the receiver's guard within
 * {@code timeout}, the outcome counted in the receiver's call statistics. Shared by a client's callbacks and a review
 * desk's requests.
 *
 * <p>2xx is done; 410 stops; a redirect, 429, 5xx, other 4xx, a timeout or a failed connection is retried later
 * (honouring {@code Retry-After}), as is an open circuit, which never contacts the receiver. A URL or address Warden
 * will not call stops at once: retrying would not change it.
 */
final class SignedSender {

    static final String MESSAGE_ID_PREFIX = "msg_";
    /** The guard's own timeout fires first, so a receiver too slow to answer counts against it. */
    private static final Duration LAST_RESORT_MARGIN = Duration.ofMillis(1);

    private final CallbackHttp http;
    private final CheckedAddresses addresses;
    private final ProviderCallRecorder recorder;
    private final Duration timeout;

    SignedSender(CallbackHttp http, CheckedAddresses addresses, ProviderCallRecorder recorder, Duration timeout) {
        this.http = http;
        this.addresses = addresses;
        this.recorder = recorder;
        this.timeout = timeout;
    }

    /** The {@code webhook-id} of an outbox row's event: the same on every attempt, so a receiver can dedupe. */
    static String messageId(Object outboxRowId) {
        return MESSAGE_ID_PREFIX + outboxRowId;
    }

    Uni<AttemptResult> send(Partner receiver, CallbackTarget target, List<WebhookSecret> keys, String messageId,
            Buffer body) {
        Instant deadline = Instant.now().plus(timeout);
        long started = System.nanoTime();
        receiver.guard().recordRequest();
        return checked(target)
                .chain(address -> receiver.guard().attempt(() -> post(target, address, keys, messageId, body,
                        deadline)))
                .ifNoItem().after(timeout.plus(LAST_RESORT_MARGIN))
                .failWith(() -> new ProviderException(ProviderException.Kind.TIMEOUT, noAnswerWithin()))
                .map(answer -> new Judged(new AttemptResult.Done(Optional.of(answer.status())), "ok"))
                .onFailure(SignedSender::judgeable).recoverWithItem(SignedSender::judge)
                .invoke(judged -> recorder.record(receiver.id(), judged.outcome(),
                        Duration.ofNanos(System.nanoTime() - started),
                        !(judged.result() instanceof AttemptResult.Done)))
                .map(Judged::result);
    }

    /** The receiver's checked address, its refusals worded for the client that asked for the callback. */
    private Uni<InetAddress> checked(CallbackTarget target) {
        String host = target.url().host().text();
        return addresses.checked(target.url().host(), target.exactlyListed())
                .onFailure(AddressRefused.class).transform(failure -> {
                    AddressRefused refused = (AddressRefused) failure;
                    return new CallbackRefused("host '" + host + "' " + refused.getMessage()
                            + (refused.kind() == AddressKind.METADATA ? ", which Warden never calls"
                                    : "; only a host listed exactly in callback-hosts, not through a wildcard, may"));
                })
                .onFailure(UnresolvedHost.class).transform(failure -> new ProviderException(
                        ProviderException.Kind.UNAVAILABLE, "receiver unreachable (unknown host)", failure));
    }

    private Uni<ReceiverAnswer> post(CallbackTarget target, InetAddress address, List<WebhookSecret> keys,
            String messageId, Buffer body, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.toMillis() < 1) {
            return Uni.createFrom().failure(new CallerDeadlineReached(noAnswerWithin()));
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                StandardWebhooks.ID, messageId,
                StandardWebhooks.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.SIGNATURE, StandardWebhooks.signature(keys, messageId, timestamp, body.getBytes()));
        return http.post(target.url(), address, headers, body)
                .ifNoItem().after(left).failWith(() -> new ProviderException(ProviderException.Kind.TIMEOUT,
                        noAnswerWithin()))
                .map(answer -> {
                    if (answer.status() / 100 != 2) {
                        throw ReceiverRefusal.of(answer);
                    }
                    return answer;
                });
    }

    private String noAnswerWithin() {
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

    static AttemptResult stop(CallbackRefused refused) {
        return AttemptResult.stop(refused.getMessage());
    }

    /** An attempt's result, and the outcome it counts as in the receiver's call statistics. */
    private record Judged(AttemptResult result, String outcome) {
    }
}
