package dev.warden.moderation;

import dev.warden.providers.Provider;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.spi.CallContext;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Calls one provider within what is left of the request's deadline (and the provider's own timeout, if shorter)
 * and turns whatever happens into a {@link ProviderResult}: this Uni never fails. A call still running at the
 * deadline is cancelled, which aborts its HTTP exchange.
 */
@ApplicationScoped
class ProviderCaller {

    private static final Logger LOG = Logger.getLogger(ProviderCaller.class);

    private final ProviderCallRecorder recorder;

    ProviderCaller(ProviderCallRecorder recorder) {
        this.recorder = recorder;
    }

    Uni<ProviderResult> call(Provider provider, ClassificationInput input, String requestId, Instant deadline) {
        Duration budget = budget(provider, deadline);
        long started = System.nanoTime();
        if (budget.isZero()) {
            return Uni.createFrom().item(() -> finish(provider, started, null,
                    new ProviderException(ProviderException.Kind.TIMEOUT, "no time left before the deadline")));
        }
        CallContext context = new CallContext(requestId, Instant.now().plus(budget));
        return Uni.createFrom().deferred(() -> provider.adapter().classify(input, context))
                .ifNoItem().after(budget)
                .failWith(() -> new ProviderException(ProviderException.Kind.TIMEOUT,
                        "no answer within " + budget.toMillis() + " ms"))
                .onItemOrFailure().transform((verdict, failure) -> finish(provider, started, verdict, failure));
    }

    private static Duration budget(Provider provider, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return provider.timeout().filter(timeout -> timeout.compareTo(left) < 0).orElse(left);
    }

    private ProviderResult finish(Provider provider, long started, ProviderVerdict verdict, Throwable failure) {
        long latencyNanos = System.nanoTime() - started;
        long latencyMs = latencyNanos / 1_000_000;
        ProviderResult result;
        if (failure == null) {
            result = new ProviderResult(provider.id(), Outcome.OK, latencyMs, 1, verdict.scores(),
                    verdict.vendorScores(), verdict.model(), Optional.empty());
        } else {
            ProviderException classified = classify(provider, failure);
            result = new ProviderResult(provider.id(), outcomeOf(classified.kind()), latencyMs, 1, Map.of(), Map.of(),
                    null, Optional.of(new ProviderResult.Failure(classified.kind(), classified.getMessage(),
                            classified.retryAfter().map(Duration::toMillis).orElse(null))));
        }
        recorder.record(provider.id(), result.outcome().wireName(), Duration.ofNanos(latencyNanos),
                result.outcome().isFailure());
        return result;
    }

    private static ProviderException classify(Provider provider, Throwable failure) {
        if (failure instanceof ProviderException known) {
            return known;
        }
        // An adapter is supposed to classify every failure; one that did not is a bug in the adapter, logged
        // with its stack trace here and reported to the caller without it.
        LOG.errorf(failure, "Adapter %s of provider %s failed with an unclassified exception", provider.adapterType(),
                provider.id());
        return new ProviderException(ProviderException.Kind.UNAVAILABLE,
                "adapter failed unexpectedly (" + failure.getClass().getSimpleName() + ")");
    }

    private static Outcome outcomeOf(ProviderException.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> Outcome.TIMEOUT;
            case RATE_LIMITED -> Outcome.RATE_LIMITED;
            default -> Outcome.ERROR;
        };
    }
}
