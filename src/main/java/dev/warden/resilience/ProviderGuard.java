package dev.warden.resilience;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;

/**
 * One provider's protection, built once from its {@link GuardSettings}: a SmallRye Fault Tolerance
 * {@code TypedGuard} (circuit breaker, bulkhead with a bounded queue, rate limit) around each attempt, the backoff
 * between attempts, and the retry budget. Retries themselves are run by the caller, not by SmallRye, because they
 * must honour {@code Retry-After}, stop at the request's deadline and draw on the budget.
 */
public final class ProviderGuard {

    private static final TypeLiteral<Uni<ProviderVerdict>> VERDICT = new TypeLiteral<>() {
    };

    private final String circuitName;
    private final GuardSettings settings;
    /** Built on first use: SmallRye Fault Tolerance's runtime exists only inside the running application. */
    private volatile TypedGuard<Uni<ProviderVerdict>> guard;
    private final Backoff backoff;
    private final RetryBudget budget;
    private final AtomicReference<CircuitState> circuit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder bulkheadRejections = new LongAdder();
    private final LongAdder rateLimitRejections = new LongAdder();
    private final LongAdder extraCalls = new LongAdder();
    private volatile boolean forcedOpen;

    public ProviderGuard(String providerId, GuardSettings settings) {
        this.circuitName = "warden-provider-" + providerId;
        this.settings = settings;
        this.backoff = new Backoff(settings.retry());
        this.budget = new RetryBudget(settings.retry().budgetRatio(), settings.retry().budgetFloor());
        this.circuit = new AtomicReference<>(settings.breaker().enabled() ? CircuitState.CLOSED
                : CircuitState.DISABLED);
    }

    private TypedGuard<Uni<ProviderVerdict>> guard() {
        TypedGuard<Uni<ProviderVerdict>> built = guard;
        if (built == null) {
            synchronized (this) {
                if (guard == null) {
                    guard = build(settings);
                }
                built = guard;
            }
        }
        return built;
    }

    private TypedGuard<Uni<ProviderVerdict>> build(GuardSettings settings) {
        TypedGuard.Builder<Uni<ProviderVerdict>> builder = TypedGuard.create(VERDICT)
                .withDescription(circuitName)
                .withBulkhead().limit(settings.bulkhead().maxConcurrent()).queueSize(settings.bulkhead().queue())
                .onAccepted(inFlight::incrementAndGet).onFinished(inFlight::decrementAndGet)
                .onRejected(bulkheadRejections::increment).done();
        GuardSettings.Breaker breaker = settings.breaker();
        if (breaker.enabled()) {
            builder = builder.withCircuitBreaker().name(circuitName)
                    .failureRatio(breaker.failureRatio()).requestVolumeThreshold(breaker.requestVolume())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS).successThreshold(breaker.successThreshold())
                    .when(ProviderGuard::countsAgainstTheVendor)
                    .onStateChange(state -> circuit.set(CircuitState.valueOf(state.name()))).done();
        }
        if (settings.ratePerSecond() > 0) {
            builder = builder.withRateLimit().limit(settings.ratePerSecond()).window(1, ChronoUnit.SECONDS)
                    .onRejected(rateLimitRejections::increment).done();
        }
        return builder.build();
    }

    /** Our own bad input and unsupported content say nothing about the vendor's health. */
    private static boolean countsAgainstTheVendor(Throwable failure) {
        return !(failure instanceof ProviderException vendor)
                || (vendor.kind() != ProviderException.Kind.BAD_REQUEST
                        && vendor.kind() != ProviderException.Kind.UNSUPPORTED);
    }

    /** Runs one attempt through the breaker, bulkhead and rate limit; a refusal fails with {@link GuardRejection}. */
    public Uni<ProviderVerdict> attempt(Supplier<Uni<ProviderVerdict>> call) {
        if (forcedOpen) {
            return Uni.createFrom().failure(new GuardRejection(GuardRejection.Reason.CIRCUIT_OPEN,
                    "circuit forced open by an operator"));
        }
        return Uni.createFrom().deferred(() -> guard().get(call))
                .onFailure().transform(ProviderGuard::translate);
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new GuardRejection(GuardRejection.Reason.CIRCUIT_OPEN, "circuit open: the vendor failed too often");
        }
        if (failure instanceof BulkheadException) {
            return new GuardRejection(GuardRejection.Reason.BULKHEAD_FULL,
                    "bulkhead full: too many calls in flight and queued");
        }
        if (failure instanceof RateLimitException) {
            return new GuardRejection(GuardRejection.Reason.RATE_LIMITED, "local rate limit reached");
        }
        return failure;
    }

    /** How long to wait before retrying, if at all; takes a retry from the budget when it says yes. */
    public Optional<Duration> retryDelay(Throwable failure, int retriesDone, Duration remaining) {
        return backoff.delayBeforeRetry(failure, retriesDone, remaining).filter(delay -> takeFromBudget());
    }

    private boolean takeFromBudget() {
        boolean granted = budget.tryRetry();
        if (granted) {
            extraCalls.increment();
        }
        return granted;
    }

    /** A hedge is an extra call like a retry, so it draws on the same budget. */
    public boolean tryHedge() {
        return takeFromBudget();
    }

    public void recordRequest() {
        budget.recordRequest();
    }

    public Optional<Duration> timeout() {
        return settings.timeout();
    }

    public void forceOpen() {
        forcedOpen = true;
    }

    /** Ends a forced opening and resets the breaker to closed. */
    public void close() {
        forcedOpen = false;
        if (settings.breaker().enabled() && guard != null) {
            CircuitBreakerMaintenance.get().reset(circuitName);
            circuit.set(CircuitState.CLOSED);
        }
    }

    public Status status() {
        RetryBudget.Snapshot recent = budget.snapshot();
        return new Status(forcedOpen ? CircuitState.FORCED_OPEN : circuit.get(), inFlight.get(),
                settings.bulkhead().maxConcurrent(), bulkheadRejections.sum(), settings.ratePerSecond(),
                rateLimitRejections.sum(), recent.requests(), recent.retries(), extraCalls.sum());
    }

    /** What operators see of the guard; {@code extraCalls} counts retries and hedges since start-up. */
    public record Status(CircuitState circuit, int inFlight, int maxConcurrent, long bulkheadRejections,
            int ratePerSecond, long rateLimitRejections, long recentRequests, long recentRetries, long extraCalls) {
    }
}
