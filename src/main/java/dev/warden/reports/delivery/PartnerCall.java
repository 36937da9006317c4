package dev.warden.reports.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.reports.PartnerPacing;
import dev.warden.reports.ReportingPartner;
import dev.warden.resilience.GuardRejection;
import dev.warden.spi.ProviderException;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.work.AttemptResult;

/**
 * One exchange with a reporting partner the way every run makes it: the cluster-wide per-minute window first
 * ({@link PartnerPacing}), then the partner's guard (breaker, local rate limit, bulkhead), then the adapter. Answers
 * what happened as a value, so a run records every exchange the same way; a failure comes with the retry it calls
 * for.
 */
@ApplicationScoped
class PartnerCall {

    static final String AUTH = "auth";
    static final String RETRY = "retry";
    /** The adapter or partner refused the input itself, before or without a verdict per item. */
    static final String REJECTED = "rejected";
    static final String WAIT_STEP = "wait";

    private final PartnerPacing pacing;
    private final DeliveryMetrics metrics;

    PartnerCall(PartnerPacing pacing, DeliveryMetrics metrics) {
        this.pacing = pacing;
        this.metrics = metrics;
    }

    sealed interface Result<T> {
        Instant startedAt();

        Duration took();
    }

    record Answered<T>(T answer, Instant startedAt, Duration took) implements Result<T> {
    }

    /** No answer about the report: {@code retry} is what the outbox should do, {@code outcome} the attempt's word. */
    record Failed<T>(Exchange exchange, AttemptResult.Retry retry, String outcome, Instant startedAt, Duration took)
            implements Result<T> {
    }

    /** Not called: the partner's calls for this minute are used up across the cluster. */
    record Postponed<T>(Duration delay, Instant startedAt, Duration took) implements Result<T> {

        Exchange exchange() {
            return Exchange.noAnswer("not called: the partner's rate limit per minute is used up; waiting "
                    + delay.toMillis() + " ms");
        }

        AttemptResult.Retry retry() {
            return new AttemptResult.Retry(Optional.empty(), exchange().message(), Optional.of(delay));
        }
    }

    <T> Uni<Result<T>> call(ReportingPartner partner, String step, Supplier<Uni<T>> exchange) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        return pacing.acquire(partner).chain(wait -> {
            if (wait.isPresent()) {
                return Uni.createFrom().<Result<T>>item(new Postponed<>(wait.get(), startedAt, since(start)));
            }
            return partner.guard().attempt(exchange)
                    .<Result<T>>map(answer -> new Answered<>(answer, startedAt, since(start)))
                    .onFailure().recoverWithItem(failure -> failed(partner, failure, startedAt, since(start)))
                    .invoke(result -> {
                        if (result instanceof Failed<T> failed) {
                            metrics.exchange(partner.id(), step, failed.outcome(), failed.took());
                        }
                    });
        });
    }

    /**
     * Retryable and throttling kinds retry as the partner asked; a timeout waits at least {@code after-timeout-wait}
     * (DSA locks a puid for 30 s while it stores it); refused credentials wait {@code auth-failure-wait} and count
     * against the breaker, which pauses the partner; Warden's own refusals (open circuit, full bulkhead) never reached
     * it. A refusal of the input itself ({@code BAD_REQUEST}, {@code UNSUPPORTED}) is marked {@link #REJECTED}: the run decides
     * what that means for its reports.
     */
    private static <T> Failed<T> failed(ReportingPartner partner, Throwable failure, Instant startedAt,
            Duration took) {
        Exchange exchange = exchange(failure);
        Optional<Duration> retryAfter = Optional.empty();
        String outcome = RETRY;
        if (failure instanceof ProviderException provider) {
            retryAfter = provider.retryAfter();
            if (provider.kind() == ProviderException.Kind.TIMEOUT) {
                retryAfter = Optional.of(longer(retryAfter, partner.settings().afterTimeoutWait()));
            } else if (provider.kind() == ProviderException.Kind.AUTH) {
                retryAfter = Optional.of(longer(retryAfter, partner.settings().authFailureWait()));
                outcome = AUTH;
            } else if (provider.kind() == ProviderException.Kind.BAD_REQUEST
                    || provider.kind() == ProviderException.Kind.UNSUPPORTED) {
                outcome = REJECTED;
            }
        }
        return new Failed<>(exchange, new AttemptResult.Retry(exchange.httpStatus(), exchange.message(), retryAfter),
                outcome, startedAt, took);
    }

    static Exchange exchange(Throwable failure) {
        if (failure instanceof ReportingException reporting) {
            return reporting.exchange();
        }
        if (failure instanceof GuardRejection refused) {
            return Exchange.noAnswer("not called: " + refused.getMessage());
        }
        if (failure instanceof ProviderException provider) {
            return Exchange.noAnswer(provider.getMessage());
        }
        return Exchange.noAnswer("failed in Warden: " + failure.getClass().getSimpleName());
    }

    private static Duration longer(Optional<Duration> asked, Duration least) {
        return asked.filter(wait -> wait.compareTo(least) > 0).orElse(least);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
