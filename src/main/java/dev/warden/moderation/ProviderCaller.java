package dev.warden.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.warden.observability.ProviderCallTrace;
import dev.warden.observability.ProviderCallTracing;
import dev.warden.providers.Provider;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.resilience.CallerDeadlineReached;
import dev.warden.resilience.GuardRejection;
import dev.warden.spi.CallContext;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;

/**
 * Calls one provider through its guard within what is left of the request's deadline, retrying as the guard allows,
 * and turns whatever happens into a {@link ProviderResult}: this Uni never fails. Each attempt is bounded by the
 * provider's timeout and the deadline; an attempt still running then is cancelled, which aborts its HTTP exchange.
 */
@ApplicationScoped
class ProviderCaller {

    private static final Logger LOG = Logger.getLogger(ProviderCaller.class);
    static final String CANCELLED = "cancelled";
    /** Less time than this before the deadline is not worth starting an attempt. */
    private static final Duration MIN_ATTEMPT_TIME = Duration.ofMillis(5);

    private final ProviderCallRecorder recorder;
    /** A field, not a constructor argument: tests build callers of their own with the one-argument constructor. */
    @Inject
    ProviderCallTracing tracing;

    ProviderCaller(ProviderCallRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * A provider whose vendor answers by callback gets a callback URL from {@code progress} (a vendor job opened for
     * it) when the moderation can wait for one; in a sync moderation it gets none and must answer at once or refuse.
     */
    Uni<ProviderResult> call(Provider provider, ClassificationInput input, String policyName, String requestId,
            Instant deadline, FanOutProgress progress) {
        long started = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        ProviderCallTrace trace = tracing.start(provider.id(), requestId, Optional.of(policyName));
        provider.guard().recordRequest();
        Uni<Optional<VendorCallback>> callback = provider.adapter().capabilities().async()
                ? progress.callbackFor(provider.id())
                : Uni.createFrom().item(Optional.empty());
        return callback.onFailure().transform(failure -> new ProviderException(ProviderException.Kind.UNAVAILABLE,
                "Warden could not store the vendor job: " + failure.getMessage(), failure))
                .chain(issued -> Uni.createFrom().deferred(() -> attempt(provider, input, requestId, deadline,
                        attempts, issued.map(VendorCallback::url)))
                        // Time spent queued in the bulkhead is not bounded by the attempt's own timeout.
                        .ifNoItem().after(remaining(deadline).plus(Duration.ofMillis(1)))
                        .failWith(() -> timeout("no answer before the deadline"))
                        .onItemOrFailure().transform((verdict, failure) -> finish(provider, started, attempts.get(),
                                verdict, failure, issued, progress)))
                .onFailure().recoverWithItem(failure -> finish(provider, started, attempts.get(), null, failure,
                        Optional.empty(), progress))
                .invoke(result -> trace.ended(result.outcome().wireName(), result.attempts(), result.latencyMs(),
                        result.failure().map(failure -> failure.kind().name())))
                // Called off (a hedge lost): the vendor may still have received the call, so it is counted.
                .onCancellation().invoke(() -> {
                    Duration latency = Duration.ofNanos(System.nanoTime() - started);
                    recorder.record(provider.id(), CANCELLED, latency, false);
                    trace.ended(CANCELLED, attempts.get(), latency.toMillis(), Optional.empty());
                });
    }

    private Uni<ProviderVerdict> attempt(Provider provider, ClassificationInput input, String requestId,
            Instant deadline, AtomicInteger attempts, Optional<String> callbackUrl) {
        return provider.guard().attempt(() -> {
            // Measured when the call leaves the bulkhead queue: time spent waiting there is not the vendor's.
            Duration left = remaining(deadline);
            if (left.compareTo(MIN_ATTEMPT_TIME) < 0) {
                return Uni.createFrom().failure(new CallerDeadlineReached("no time left before the deadline"));
            }
            Optional<Duration> ownTimeout = provider.guard().timeout().filter(timeout -> timeout.compareTo(left) < 0);
            Duration limit = ownTimeout.orElse(left);
            attempts.incrementAndGet();
            CallContext context = new CallContext(requestId, Instant.now().plus(limit), callbackUrl);
            return Uni.createFrom().deferred(() -> provider.adapter().classify(input, context))
                    .ifNoItem().after(limit).failWith(() -> ownTimeout.isPresent()
                            ? timeout("no answer within " + limit.toMillis() + " ms")
                            : new CallerDeadlineReached("no answer before the deadline"));
        }).onFailure().recoverWithUni(failure -> provider.guard()
                .retryDelay(failure, attempts.get() - 1, remaining(deadline))
                .map(delay -> wait(delay).chain(() -> attempt(provider, input, requestId, deadline, attempts,
                        callbackUrl)))
                .orElseGet(() -> Uni.createFrom().failure(failure)));
    }

    /** Full jitter may draw no wait at all, which Mutiny's delay refuses. */
    private static Uni<Void> wait(Duration delay) {
        Uni<Void> now = Uni.createFrom().voidItem();
        return delay.isZero() ? now : now.onItem().delayIt().by(delay);
    }

    static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static ProviderException timeout(String message) {
        return new ProviderException(ProviderException.Kind.TIMEOUT, message);
    }

    private ProviderResult finish(Provider provider, long started, int attempts, ProviderVerdict verdict,
            Throwable failure, Optional<VendorCallback> callback, FanOutProgress progress) {
        long latencyNanos = System.nanoTime() - started;
        long latencyMs = latencyNanos / 1_000_000;
        ProviderResult result;
        if (failure == null && verdict == null) {
            failure = new IllegalStateException("the adapter answered no verdict");
        }
        if (failure == null && verdict.isPending() && callback.isEmpty()) {
            failure = new ProviderException(ProviderException.Kind.INVALID_RESPONSE, "answered that the vendor will"
                    + " call back, but this moderation waits for no callback (sync mode): use mode async");
        }
        if (failure == null && verdict.isPending()) {
            String vendorJobId = verdict.pending().orElseThrow().vendorJobId();
            progress.accepted(callback.orElseThrow(), vendorJobId);
            result = ProviderResult.awaitingCallback(provider.id(), latencyMs, attempts, vendorJobId);
        } else if (failure == null) {
            result = ProviderResult.answered(provider, latencyMs, attempts, verdict);
        } else {
            Classified classified = classify(provider, failure);
            result = new ProviderResult(provider.id(), classified.outcome(), latencyMs, attempts, Map.of(), Map.of(),
                    null, Optional.of(classified.failure()), Optional.empty());
        }
        recorder.record(provider.id(), result.outcome().wireName(), Duration.ofNanos(latencyNanos),
                result.outcome().isFailure());
        return result;
    }

    private record Classified(Outcome outcome, ProviderResult.Failure failure) {
    }

    private static Classified classify(Provider provider, Throwable failure) {
        if (failure instanceof ProviderException vendor) {
            Outcome outcome = switch (vendor.kind()) {
                case TIMEOUT -> Outcome.TIMEOUT;
                case RATE_LIMITED -> Outcome.RATE_LIMITED;
                default -> Outcome.ERROR;
            };
            return new Classified(outcome, new ProviderResult.Failure(FailureKind.of(vendor.kind()),
                    vendor.getMessage(), vendor.retryAfter().map(Duration::toMillis).orElse(null)));
        }
        if (failure instanceof GuardRejection rejection) {
            return switch (rejection.reason()) {
                case CIRCUIT_OPEN -> new Classified(Outcome.CIRCUIT_OPEN,
                        new ProviderResult.Failure(FailureKind.CIRCUIT_OPEN, rejection.getMessage(), null));
                case BULKHEAD_FULL -> new Classified(Outcome.ERROR,
                        new ProviderResult.Failure(FailureKind.BULKHEAD_FULL, rejection.getMessage(), null));
                case RATE_LIMITED -> new Classified(Outcome.RATE_LIMITED,
                        new ProviderResult.Failure(FailureKind.RATE_LIMITED, rejection.getMessage(), null));
            };
        }
        // An adapter is supposed to classify every failure; one that did not is a bug in the adapter, logged
        // with its stack trace here and reported to the caller without it.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Adapter %s of provider %s failed with an unclassified exception, error id %s",
                provider.adapterType(), provider.id(), errorId);
        return new Classified(Outcome.ERROR, new ProviderResult.Failure(FailureKind.UNAVAILABLE,
                "adapter failed unexpectedly; error id " + errorId + " in Warden's log", null));
    }
}
