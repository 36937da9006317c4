package dev.warden.api.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import dev.warden.config.ClientsConfig;
import dev.warden.moderation.ClientPolicies;
import dev.warden.spi.InvalidSettingsException;

/**
 * {@code warden.clients.<name>.rate-limit.per-second}: how many requests one replica takes from a client, so one noisy
 * client cannot starve the others (OWASP API4). Per replica on purpose: a shared counter would cost a database round
 * trip on every request; with N replicas behind a balancer the client gets about N times the rate. Refusals are
 * counted in {@code warden.clients.rejected{client,reason="rate-limit"}}.
 */
@Startup
@ApplicationScoped
public class ClientRateLimits {

    private final Map<String, RequestRate> rates = new HashMap<>();
    private final MeterRegistry registry;

    ClientRateLimits(ClientsConfig config, MeterRegistry registry) {
        this.registry = registry;
        config.all().forEach((client, settings) -> settings.rateLimit().perSecond()
                .ifPresent(perSecond -> rates.put(client, rate(client, perSecond))));
    }

    /** Admits one request of the client (empty), or says when it may retry; a refusal is counted. */
    Optional<Duration> admit(String client) {
        RequestRate rate = rates.get(client);
        if (rate == null) {
            return Optional.empty();
        }
        Optional<Duration> wait = rate.admit();
        wait.ifPresent(ignored -> registry.counter(ClientPolicies.REJECTED_METRIC, "client", client, "reason",
                "rate-limit").increment());
        return wait;
    }

    private static RequestRate rate(String client, double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new InvalidSettingsException("warden.clients." + client + ".rate-limit.per-second must be a positive"
                    + " number, got " + perSecond);
        }
        return new RequestRate(perSecond, System::nanoTime);
    }
}
