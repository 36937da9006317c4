package dev.warden.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.warden.config.ClientsConfig;
import dev.warden.embedded.DevApiKey;

/**
 * The configured clients, indexed by the SHA-256 of their API key: Warden never holds a key itself. On the embedded
 * default with no clients configured, a development key is created (see {@link DevApiKey}) so the quick start works.
 */
@Startup
@ApplicationScoped
public class ApiKeys {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final Map<String, Client> clientsByKeyHash = new HashMap<>();

    ApiKeys(ClientsConfig config, DevApiKey devApiKey) {
        config.all().forEach((name, client) -> register(name, client.apiKeySha256(), client.scopes()));
        if (clientsByKeyHash.isEmpty()) {
            devApiKey.hashIfEmbedded().ifPresentOrElse(
                    hash -> clientsByKeyHash.put(hash, new Client(DevApiKey.CLIENT_NAME, EnumSet.allOf(Scope.class))),
                    () -> LOG.warn("No clients configured (warden.clients.<name>.api-key-sha256): every API request"
                            + " will be refused with 401"));
        }
    }

    public Optional<Client> authenticate(String apiKey) {
        return Optional.ofNullable(clientsByKeyHash.get(sha256Hex(apiKey)));
    }

    /** Lower-case hex SHA-256 of a string's UTF-8 bytes: how keys and request fingerprints are kept. */
    public static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void register(String name, String keyHash, Set<String> scopeNames) {
        String hash = keyHash.trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("warden.clients." + name
                    + ".api-key-sha256 must be 64 hex characters (the SHA-256 of the key), not the key itself");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String scopeName : scopeNames) {
            scopes.add(Scope.fromWireName(scopeName.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "warden.clients." + name + ".scopes: unknown scope '" + scopeName + "'; known: moderate, report,"
                            + " admin")));
        }
        Client previous = clientsByKeyHash.put(hash, new Client(name, scopes));
        if (previous != null) {
            throw new IllegalArgumentException("warden.clients." + name + " and warden.clients." + previous.name()
                    + " have the same API key");
        }
    }
}
