package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.config.ClientsConfig;
import dev.warden.config.PoliciesConfig;
import dev.warden.spi.InvalidSettingsException;

/** Which client may ask for which policy, checked before a request is stored. */
class ClientPoliciesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ClientPolicies policies(Map<String, String> clients) {
        Map<String, String> values = new HashMap<>(Map.of(
                "warden.policies.strict.providers", "local-rules",
                "warden.policies.fail-open.providers", "local-rules",
                "warden.policies.fail-open.on-provider-failure", "allow",
                "warden.clients.chat.api-key-sha256", "0".repeat(64),
                "warden.clients.chat.scopes", "moderate",
                "warden.clients.search.api-key-sha256", "1".repeat(64),
                "warden.clients.search.scopes", "moderate"));
        values.putAll(clients);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PoliciesConfig.class)
                .withMapping(ClientsConfig.class).withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValues(values).build();
        return new ClientPolicies(config.getConfigMapping(ClientsConfig.class),
                new PolicyCatalog(config.getConfigMapping(PoliciesConfig.class)), registry);
    }

    @Test
    void aClientLimitedToSomePoliciesIsRefusedTheOthersAndCounted() {
        ClientPolicies policies = policies(Map.of("warden.clients.chat.policies", "strict"));

        assertThat(policies.refusal("chat", "strict")).isEmpty();
        assertThat(policies.refusal("chat", "fail-open")).hasValueSatisfying(refused -> assertThat(
                refused).hasMessage("This client may not use policy 'fail-open'; its policies: strict"));
        assertThat(registry.get(ClientPolicies.REJECTED_METRIC).tag("client", "chat").tag("reason", "policy")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aClientWithoutTheSettingMayUseEveryPolicy() {
        ClientPolicies policies = policies(Map.of("warden.clients.chat.policies", "strict"));

        assertThat(policies.refusal("search", "fail-open")).isEmpty();
        assertThat(policies.refusal("search", "strict")).isEmpty();
    }

    @Test
    void aListNamingAnUnknownPolicyFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> policies(Map.of("warden.clients.chat.policies", "strict,stirct")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.clients.chat.policies names 'stirct', which is not a policy; known: fail-open,"
                        + " strict");
    }
}
