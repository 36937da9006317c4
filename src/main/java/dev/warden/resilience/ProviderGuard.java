package dev.warden.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException;

/**
 * One partner's protection, built once from its {@link GuardSettings}: circuit breaker, local rate limit and bulkhead
 * with a bounded queue around each attempt, the backoff between attempts, and the retry budget. It guards any
 * outbound call, whatever it answers: a classifier's verdict, a callback receiver's answer. Retries are run by the
 * caller, because they must honour {@code Retry-After}, stop at the caller's deadline and draw on the budget (a
 * delivery from the outbox is retried by the outbox instead, over minutes or hours).
 *
 * <p>Warden's own primitives rather than SmallRye Fault Tolerance (a departure from DESIGN.md, explained in the
 * README): the breaker must be able to ignore an outcome (a local refusal, a cancelled call, an attempt starved by
 * the caller's deadline) rather than count it as a success or a failure, and cancellation must reach a call still
 * waiting in the bulkhead queue so that it is never sent after its caller got an answer.
 */
public final class ProviderGuard {

    private final GuardSettings settings;
    private final CircuitBreaker breaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final Backoff backoff;
    private final RetryBudget budget;
    private final LongAdder bulkheadRejections = new LongAdder();
    private final LongAdder rateLimitRejections = new LongAdder();
    private final LongAdder extraCalls = new LongAdder();
    private volatile boolean forcedOpen;

    public ProviderGuard(GuardSettings settings) {
        this.settings = settings;
        this.breaker = settings.breaker().enabled() ? new CircuitBreaker(settings.breaker()) : null;
        this.rateLimiter = new RateLimiter(settings.ratePerSecond());
        this.bulkhead = new Bulkhead(settings.bulkhead().maxConcurrent(), settings.bulkhead().queue());
        this.backoff = new Backoff(settings.retry());
        this.budget = new RetryBudget(settings.retry().budgetRatio(), settings.retry().budgetFloor());
    }

    /**
     * Runs one attempt through the breaker, the rate limit and the bulkhead; a refusal fails with
     * {@link GuardRejection}. Cancelling the returned Uni cancels the call wherever it is: queued, or at the vendor.
     * The breaker judges the attempt by its failure only: a call that must count an answer against the partner (a
     * receiver's 503) fails with a {@link ProviderException} of the matching kind.
     */
    public <T> Uni<T> attempt(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            if (forcedOpen) {
                return refuse(GuardRejection.Reason.CIRCUIT_OPEN, "circuit forced open by an operator");
            }
            CircuitBreaker.Permit permit = breaker == null ? null : breaker.tryAcquire();
            if (breaker != null && permit == null) {
                return refuse(GuardRejection.Reason.CIRCUIT_OPEN, "circuit open: the vendor failed too often");
            }
            if (!rateLimiter.tryAcquire()) {
                abandon(permit);
                rateLimitRejections.increment();
                return refuse(GuardRejection.Reason.RATE_LIMITED, "local rate limit reached");
            }
            return bulkhead.run(call)
                    .onTermination().invoke((verdict, failure, cancelled) -> judge(permit, failure, cancelled));
        });
    }

    private void judge(CircuitBreaker.Permit permit, Throwable failure, boolean cancelled) {
        if (failure instanceof GuardRejection) {
            bulkheadRejections.increment();
        }
        if (permit == null) {
            return;
        }
        if (cancelled || !saysSomethingAboutTheVendor(failure)) {
            breaker.abandon(permit);
        } else {
            breaker.record(permit, failure != null && countsAgainstTheVendor(failure));
        }
    }

    /**
     * A vendor's answer, or its failure to answer in time, says how it is doing; Warden's own refusals, an attempt
     * starved by the caller's deadline, a call the adapter refused before sending, and adapter bugs do not.
     */
    private static boolean saysSomethingAboutTheVendor(Throwable failure) {
        return failure == null || (failure instanceof ProviderException vendor
                && !(vendor instanceof CallerDeadlineReached) && vendor.kind() != ProviderException.Kind.UNSUPPORTED);
    }

    /** The vendor answered, but rejected our input: it is healthy. */
    private static boolean countsAgainstTheVendor(Throwable failure) {
        return ((ProviderException) failure).kind() != ProviderException.Kind.BAD_REQUEST;
    }

    private void abandon(CircuitBreaker.Permit permit) {
        if (permit != null) {
            breaker.abandon(permit);
        }
    }

    private static <T> Uni<T> refuse(GuardRejection.Reason reason, String message) {
        return Uni.createFrom().failure(new GuardRejection(reason, message));
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
        if (breaker != null) {
            breaker.reset();
        }
    }

    public Status status() {
        RetryBudget.Snapshot recent = budget.snapshot();
        CircuitState circuit = forcedOpen ? CircuitState.FORCED_OPEN
                : breaker == null ? CircuitState.DISABLED : breaker.state();
        return new Status(circuit, bulkhead.inFlight(), settings.bulkhead().maxConcurrent(), bulkheadRejections.sum(),
                settings.ratePerSecond(), rateLimitRejections.sum(), recent.requests(), recent.retries(),
                extraCalls.sum());
    }

    /** What operators see of the guard; {@code extraCalls} counts retries and hedges since start-up. */
    public record Status(CircuitState circuit, int inFlight, int maxConcurrent, long bulkheadRejections,
            int ratePerSecond, long rateLimitRejections, long recentRequests, long recentRetries, long extraCalls) {
    }
}
