package dev.warden.webhooks;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.warden.config.CallbacksConfig;
import dev.warden.config.ClientsConfig;
import dev.warden.providers.PartnerSource;
import dev.warden.resilience.ProviderGuard;

/**
 * One {@link CallbackReceiver} per client with {@code callback-hosts}, each guarded as {@code warden.callbacks.*}
 * says; built at start-up, when those settings are checked.
 */
@Startup
@ApplicationScoped
public class CallbackReceivers implements PartnerSource {

    private final CallbackSettings settings;
    private final Map<String, CallbackReceiver> byClient = new TreeMap<>();

    CallbackReceivers(CallbacksConfig config, ClientsConfig clients) {
        this.settings = CallbackSettings.from(config);
        clients.all().forEach((name, client) -> {
            if (!client.callbackHosts().orElse(List.of()).isEmpty()) {
                byClient.put(name, CallbackReceiver.of(name, new ProviderGuard(settings.guard())));
            }
        });
    }

    CallbackSettings settings() {
        return settings;
    }

    Optional<CallbackReceiver> of(String client) {
        return Optional.ofNullable(byClient.get(client));
    }

    @Override
    public Collection<CallbackReceiver> partners() {
        return byClient.values();
    }
}
