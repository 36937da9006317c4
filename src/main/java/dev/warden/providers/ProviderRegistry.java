package dev.warden.providers;

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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.warden.config.LimitsConfig;
import dev.warden.config.PoliciesConfig;
import dev.warden.resilience.GuardSettings;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorHttp;

/**
 * Builds every provider from {@code warden.providers.<id>.*} at start-up, as Trino builds catalogs from their
 * properties: the core reads the keys it owns, the adapter type reads the rest, and any key nobody read fails
 * start-up so a typo never silently changes behaviour.
 */
@Startup
@ApplicationScoped
public class ProviderRegistry implements PartnerSource {

    static final String PREFIX = "warden.providers.";
    private static final String ADAPTER = "adapter";
    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class);

    private final Map<String, Provider> providers;

    @Inject
    ProviderRegistry(Config config, Instance<ClassifierAdapterType> adapterTypes, VendorHttp http,
            PoliciesConfig policies, LimitsConfig limits, Instance<VendorCallbackWebhooks> callbacks,
            MediaFetcher media) {
        this(config, adapterTypes.stream().toList(), new Transport(http, media), policies,
                new ContentLimits(limits.maxParts(), limits.maxTextLength()), lazily(callbacks));
    }

    ProviderRegistry(Config config, Collection<ClassifierAdapterType> adapterTypes, Transport transport,
            PoliciesConfig policies, ContentLimits limits, PartnerWebhooks callbacks) {
        Map<String, ClassifierAdapterType> types = adapterTypes.stream()
                .collect(Collectors.toMap(ClassifierAdapterType::id, Function.identity()));
        Map<String, Provider> built = new LinkedHashMap<>();
        providerKeys(config).forEach((id, keys) -> built.put(id, build(id, keys, config, types, transport,
                limits, callbacks)));
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

    @Override
    public Collection<Provider> partners() {
        return all();
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

    /**
     * The callback webhooks, resolved at the first callback: their handler needs the moderation flow, which needs
     * this registry.
     */
    private static PartnerWebhooks lazily(Instance<VendorCallbackWebhooks> callbacks) {
        return new PartnerWebhooks(webhook -> callbacks.get().webhooks().verifier().verify(webhook),
                event -> callbacks.get().webhooks().handler().handle(event));
    }

    private static Provider build(String id, Set<String> keys, Config config, Map<String, ClassifierAdapterType> types,
            Transport transport, ContentLimits limits, PartnerWebhooks callbacks) {
        Map<String, String> values = new HashMap<>();
        keys.forEach(key -> config.getOptionalValue(PREFIX + id + "." + key, String.class)
                .ifPresent(value -> values.put(key, value)));
        String typeId = values.getOrDefault(ADAPTER, id);
        ClassifierAdapterType type = types.get(typeId);
        if (type == null) {
            throw new InvalidSettingsException(PREFIX + id + "." + ADAPTER + ": no adapter type '" + typeId
                    + "'; known: " + new TreeSet<>(types.keySet()));
        }
        Map<String, String> withDefaults = new HashMap<>(type.defaultSettings());
        withDefaults.putAll(values);
        ProviderSettings settings = new ProviderSettings(id, withDefaults);
        settings.get(ADAPTER); // read above, from the raw values: mark it known
        boolean enabled = settings.getBoolean("enabled", true);
        GuardSettings guard = GuardSettings.read(settings);
        ScoreCalibration calibration = ScoreCalibration.read(settings);
        VendorHttp http = transport.http();
        ClassifierAdapter adapter = type.create(new ProviderContext(id, settings,
                guard.timeout().map(http::limitedTo).orElse(http), limits, transport.media()));
        Provider provider = new Provider(id, typeId, enabled, new ProviderGuard(guard), adapter,
                adapter.capabilities().async() ? Optional.of(callbacks) : Optional.empty(), calibration);
        if (!settings.unread().isEmpty()) {
            throw new InvalidSettingsException("Unknown settings for provider '" + id + "' (adapter " + typeId
                    + "): " + settings.unread().stream().map(key -> PREFIX + id + "." + key).toList());
        }
        return provider;
    }

    /** How adapters reach the outside: the vendor HTTP client, and the fetcher of images given by URL. */
    record Transport(VendorHttp http, MediaFetcher media) {
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
}
