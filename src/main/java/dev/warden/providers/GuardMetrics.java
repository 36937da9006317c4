package dev.warden.providers;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.warden.resilience.CircuitState;
import dev.warden.resilience.ProviderGuard;

/**
 * Each partner's guard as Prometheus metrics, tagged {@code provider} with the partner's id (classifiers and callback
 * receivers alike): circuit state (one series per state, 1 for the
 * current one), calls in flight and the bulkhead's limit, refusals by the bulkhead and the rate limit, and the extra
 * calls retries and hedges made.
 */
@ApplicationScoped
public class GuardMetrics {

    void register(@Observes StartupEvent started, PartnerRegistry partners, MeterRegistry registry) {
        for (Partner provider : partners.all()) {
            ProviderGuard guard = provider.guard();
            for (CircuitState state : CircuitState.values()) {
                Gauge.builder("warden.provider.circuit.state", guard,
                        measured -> measured.status().circuit() == state ? 1 : 0)
                        .description("1 for the provider's current circuit state")
                        .tag("provider", provider.id()).tag("state", state.wireName()).register(registry);
            }
            gauge(registry, "warden.provider.in.flight", "Calls at the vendor now", provider, guard,
                    measured -> measured.status().inFlight());
            gauge(registry, "warden.provider.bulkhead.limit", "Calls the bulkhead lets through at once", provider,
                    guard, measured -> measured.status().maxConcurrent());
            counter(registry, "warden.provider.bulkhead.rejections", "Calls refused: bulkhead and queue full",
                    provider, guard, measured -> measured.status().bulkheadRejections());
            counter(registry, "warden.provider.rate.limit.rejections", "Calls refused by Warden's rate limit",
                    provider, guard, measured -> measured.status().rateLimitRejections());
            counter(registry, "warden.provider.extra.calls", "Retries and hedges, within the retry budget", provider,
                    guard, measured -> measured.status().extraCalls());
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, Partner provider,
            ProviderGuard guard, ToDoubleFunction<ProviderGuard> value) {
        Gauge.builder(name, guard, value).description(description).tag("provider", provider.id()).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Partner provider,
            ProviderGuard guard, ToDoubleFunction<ProviderGuard> value) {
        FunctionCounter.builder(name, guard, value).description(description).tag("provider", provider.id())
                .register(registry);
    }
}
