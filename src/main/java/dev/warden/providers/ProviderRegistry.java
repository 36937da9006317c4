package dev.warden.providers;

import dev.warden.config.PoliciesConfig;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorHttp;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Builds every provider from {@code warden.providers.<id>.*} at start-up, as Trino builds catalogs from their
 * properties: the core reads the keys it owns, the adapter type reads the rest, and any key nobody read fails
 * start-up so a typo never silently changes behaviour.
 */
@Startup
@ApplicationScoped
public class ProviderRegistry {

    static final String PREFIX = "warden.providers.";
    private static final Set<String> CORE_KEYS = Set.of("adapter", "enabled", "timeout");
    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class);

    private final Map<String, Provider> providers;

    ProviderRegistry(Config config, Instance<ClassifierAdapterType> adapterTypes, VendorHttp http,
            PoliciesConfig policies) {
        Map<String, ClassifierAdapterType> types = adapterTypes.stream()
                .collect(Collectors.toMap(ClassifierAdapterType::id, Function.identity()));
        Map<String, Provider> built = new LinkedHashMap<>();
        providerKeys(config).forEach((id, keys) -> built.put(id, build(id, keys, config, types, http)));
        this.providers = Map.copyOf(built);
        checkPolicies(policies);
        built.values().forEach(provider -> LOG.infof("Provider %s (adapter %s) %s", provider.id(),
                provider.adapterType(), provider.enabled() ? "enabled" : "disabled"));
    }

    public Optional<Provider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    public Collection<Provider> all() {
        return new TreeMap<>(providers).values();
    }

    private static Map<String, Set<String>> providerKeys(Config config) {
        Map<String, Set<String>> keysById = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new InvalidSettingsException("'" + name + "' names no provider setting; expected "
                        + PREFIX + "<id>.<setting>");
            }
            keysById.computeIfAbsent(rest.substring(0, dot), id -> new TreeSet<>()).add(rest.substring(dot + 1));
        }
        return keysById;
    }

    private static Provider build(String id, Set<String> keys, Config config, Map<String, ClassifierAdapterType> types,
            VendorHttp http) {
        Function<String, Optional<String>> value = key -> config.getOptionalValue(PREFIX + id + "." + key,
                String.class);
        String typeId = value.apply("adapter").orElse(id);
        ClassifierAdapterType type = types.get(typeId);
        if (type == null) {
            throw new InvalidSettingsException(PREFIX + id + ".adapter: no adapter type '" + typeId + "'; known: "
                    + new TreeSet<>(types.keySet()));
        }
        boolean enabled = value.apply("enabled").map(raw -> ProviderSettings.parseBoolean(raw,
                () -> new InvalidSettingsException(PREFIX + id + ".enabled must be true or false, got '" + raw + "'")))
                .orElse(true);
        Optional<Duration> timeout = value.apply("timeout").map(raw -> parseDuration(id, "timeout", raw));

        Map<String, String> adapterSettings = new HashMap<>();
        keys.stream().filter(key -> !CORE_KEYS.contains(key))
                .forEach(key -> value.apply(key).ifPresent(v -> adapterSettings.put(key, v)));
        ProviderSettings settings = new ProviderSettings(id, adapterSettings);
        Provider provider = new Provider(id, typeId, enabled, timeout,
                type.create(new ProviderContext(id, settings, http)));
        if (!settings.unread().isEmpty()) {
            throw new InvalidSettingsException("Unknown settings for provider '" + id + "' (adapter " + typeId
                    + "): " + settings.unread().stream().map(key -> PREFIX + id + "." + key).toList());
        }
        return provider;
    }

    private void checkPolicies(PoliciesConfig policies) {
        policies.all().forEach((name, policy) -> {
            if (policy.providers().isEmpty()) {
                throw new InvalidSettingsException("warden.policies." + name + ".providers is empty");
            }
            policy.providers().forEach(id -> {
                if (!providers.containsKey(id)) {
                    throw new InvalidSettingsException("warden.policies." + name + ".providers names '" + id
                            + "', which is not a provider; configured: " + new TreeSet<>(providers.keySet()));
                }
            });
        });
    }

    static Duration parseDuration(String id, String key, String raw) {
        try {
            String trimmed = raw.trim();
            if (trimmed.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
            }
            if (trimmed.matches("\\d+s")) {
                return Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            }
            return Duration.parse(trimmed);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidSettingsException(PREFIX + id + "." + key + " must be a duration like 500ms, 2s or PT2S,"
                    + " got '" + raw + "'");
        }
    }
}
