package dev.warden.moderation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import dev.warden.config.ClientsConfig;
import dev.warden.spi.InvalidSettingsException;

/**
 * The policies each client may ask for ({@code warden.clients.<name>.policies}; absent: every policy), checked where
 * every moderation starts, whichever API it came through, so a client cannot pick a fail-open policy it was not
 * given (OWASP API5). Refusals are counted in {@code warden.clients.rejected{client,reason="policy"}}.
 */
@Startup
@ApplicationScoped
public class ClientPolicies {

    /** Requests refused by a client limit, tagged {@code client} and {@code reason}. */
    public static final String REJECTED_METRIC = "warden.clients.rejected";

    private final Map<String, Set<String>> allowed = new HashMap<>();
    private final MeterRegistry registry;

    ClientPolicies(ClientsConfig config, PolicyCatalog policies, MeterRegistry registry) {
        this.registry = registry;
        config.all().forEach((client, settings) -> settings.policies()
                .ifPresent(names -> allowed.put(client, checked(client, names, policies))));
    }

    /** Empty when the client may use the policy; otherwise the refusal, counted. */
    Optional<PolicyNotAllowedException> refusal(String client, String policy) {
        Set<String> mayUse = allowed.get(client);
        if (mayUse == null || mayUse.contains(policy)) {
            return Optional.empty();
        }
        registry.counter(REJECTED_METRIC, "client", client, "reason", "policy").increment();
        return Optional.of(new PolicyNotAllowedException(policy, mayUse));
    }

    private static Set<String> checked(String client, Set<String> names, PolicyCatalog policies) {
        names.stream().filter(policy -> policies.find(policy).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new InvalidSettingsException("warden.clients." + client + ".policies names '" + unknown
                    + "', which is not a policy; known: " + String.join(", ", policies.names()));
        });
        return Set.copyOf(names);
    }
}
