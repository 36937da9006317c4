package dev.warden.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.warden.config.ClientsConfig;
import dev.warden.spi.InvalidSettingsException;

/**
 * Each client's {@code callback-secret} list, read and checked at start-up: every entry must be a Standard Webhooks
 * secret ({@link WebhookSecret}), and a client with {@code callback-hosts} must have one, since a callback is never
 * sent unsigned. Errors name the client and the position of the entry, never its value.
 */
@Startup
@ApplicationScoped
public class CallbackSecrets {

    private final Map<String, List<WebhookSecret>> secretsByClient = new TreeMap<>();

    CallbackSecrets(ClientsConfig clients) {
        clients.all().forEach((name, client) -> {
            List<String> configured = client.callbackSecret().orElse(List.of());
            List<WebhookSecret> secrets = new ArrayList<>();
            for (int i = 0; i < configured.size(); i++) {
                secrets.add(parse(name, i, configured.size(), configured.get(i)));
            }
            if (secrets.isEmpty() && !client.callbackHosts().orElse(List.of()).isEmpty()) {
                throw new InvalidSettingsException("warden.clients." + name + " has callback-hosts but no"
                        + " callback-secret: callbacks are never sent unsigned");
            }
            secretsByClient.put(name, List.copyOf(secrets));
        });
    }

    private static WebhookSecret parse(String client, int index, int count, String value) {
        try {
            return WebhookSecret.parse(value);
        } catch (IllegalArgumentException invalid) {
            String which = count == 1 ? "" : " (entry " + (index + 1) + " of " + count + ")";
            throw new InvalidSettingsException("warden.clients." + client + ".callback-secret" + which + " "
                    + invalid.getMessage());
        }
    }

    /** The client's current secrets, in configured order; empty when it has none. */
    List<WebhookSecret> of(String client) {
        return secretsByClient.getOrDefault(client, List.of());
    }
}
