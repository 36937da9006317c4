package dev.warden.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.warden.config.ClientsConfig;
import dev.warden.net.AddressKind;
import dev.warden.spi.InvalidSettingsException;

/**
 * Decides whether a client may have callbacks sent to a URL: only to the hosts in
 * {@code warden.clients.<name>.callback-hosts} (syntax in {@link AllowedHost}), over https unless the host is listed
 * with {@code http://}, and to an IP literal only when that exact address is listed (a metadata address never). The
 * same check runs when the request names the URL and again before each delivery attempt, so a host removed from the
 * list since is no longer called. Where a listed name resolves to is checked at delivery ({@link CallbackAddresses}).
 * Every entry is read at start-up: a malformed one fails it.
 */
@Startup
@ApplicationScoped
public class CallbackTargets {

    private final Map<String, List<AllowedHost>> allowedByClient = new TreeMap<>();

    CallbackTargets(ClientsConfig clients) {
        clients.all().forEach((name, client) -> allowedByClient.put(name, client.callbackHosts().orElse(List.of())
                .stream().map(entry -> parse(name, entry)).toList()));
    }

    private static AllowedHost parse(String client, String entry) {
        try {
            return AllowedHost.parse(entry);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException("warden.clients." + client + ".callback-hosts: entry '" + entry + "' "
                    + invalid.getMessage());
        }
    }

    /** Empty when the client may use the URL; otherwise why not, in words safe to show the caller. */
    public Optional<String> refusal(String client, String url) {
        try {
            check(client, url);
            return Optional.empty();
        } catch (CallbackRefused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** The URL as Warden will call it; {@link CallbackRefused} when this client may not. */
    CallbackTarget check(String client, String url) {
        List<AllowedHost> allowed = allowedByClient.getOrDefault(client, List.of());
        if (allowed.isEmpty()) {
            throw new CallbackRefused("cannot be used: this client has no callback-hosts configured");
        }
        CallbackUrl target = CallbackUrl.parse(url);
        List<AllowedHost> covering = allowed.stream().filter(entry -> entry.covers(target.host(), target.port()))
                .toList();
        if (covering.isEmpty()) {
            throw new CallbackRefused("names host '" + target.host().text() + "' (port " + target.port()
                    + "), which is not in this client's callback-hosts");
        }
        List<AllowedHost> usable = target.tls() ? covering
                : covering.stream().filter(AllowedHost::allowsHttp).toList();
        if (usable.isEmpty()) {
            throw new CallbackRefused("must use https: host '" + target.host().text() + "' is not listed with http://");
        }
        target.host().literal().filter(address -> AddressKind.of(address) == AddressKind.METADATA)
                .ifPresent(address -> {
                    throw new CallbackRefused("names " + AddressKind.METADATA.description() + ", which Warden never"
                            + " calls");
                });
        return new CallbackTarget(target, usable.stream().anyMatch(entry -> !entry.wildcard()));
    }
}
