package dev.warden.reports;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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

import dev.warden.config.PartnersConfig;
import dev.warden.config.ReportsConfig;
import dev.warden.net.HostName;
import dev.warden.net.InvalidHost;
import dev.warden.partners.ReviewDesks;
import dev.warden.providers.MediaSettings;
import dev.warden.providers.PartnerSource;
import dev.warden.resilience.GuardSettings;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.work.DestinationLimits;
import dev.warden.work.OutboxSettings;

/**
 * Every reporting partner, built from {@code warden.partners.<id>.*} at start-up like classifier providers: the core
 * reads the keys it owns ({@link ReportingSettings}, the guard), the adapter type reads the rest, and a key nobody
 * read fails start-up. A partner's outbox destination is its id; its {@code bulkhead.max-concurrent} bounds the
 * attempts each process runs for it.
 */
@Startup
@ApplicationScoped
public class ReportingPartners implements PartnerSource, DestinationLimits {

    static final String PREFIX = "warden.partners.";
    private static final Logger LOG = Logger.getLogger(ReportingPartners.class);

    /** The core's defaults for a reporting partner's guard; the adapter type's defaults and configuration win. */
    private static final Map<String, String> CORE_DEFAULTS = Map.of(
            "timeout", "30s",
            "bulkhead.max-concurrent", "4",
            "bulkhead.queue", "16",
            "circuit-breaker.delay", "30s");

    /** Keys of {@code warden.partners.<id>} that belong to other partner types and are never a reporting key. */
    private static final Set<String> NOT_REPORTING = Set.of("url", "webhook-secrets", "signing-secret",
            "connect-timeout", "max-response-bytes");

    private final Map<String, ReportingPartner> partners;

    @Inject
    ReportingPartners(Config config, PartnersConfig declared, ReportsConfig reports,
            Instance<ReportingAdapterType> types, VendorHttp http, OutboxSettings outbox) {
        this(config, declared, types.stream().toList(), http,
                MediaSettings.canonical(reports.allowedHosts().orElse(List.of())));
        partners.values().forEach(partner -> checkLease(partner, outbox.lease()));
    }

    ReportingPartners(Config config, PartnersConfig declared, Collection<ReportingAdapterType> types,
            VendorHttp http, Set<String> allowedHosts) {
        Map<String, ReportingAdapterType> byId = types.stream()
                .collect(Collectors.toMap(ReportingAdapterType::id, Function.identity()));
        Map<String, ReportingPartner> built = new TreeMap<>();
        declared.all().forEach((id, partner) -> {
            String typeId = partner.type().trim();
            ReportingAdapterType type = byId.get(typeId);
            if (type != null) {
                built.put(id, build(id, type, config, http, allowedHosts));
            } else if (!typeId.equals(ReviewDesks.TYPE)) {
                throw new InvalidSettingsException(PREFIX + id + ".type: no reporting partner type '" + typeId
                        + "'; known: " + new TreeSet<>(byId.keySet()));
            }
        });
        this.partners = Map.copyOf(built);
        partners.values().forEach(partner -> LOG.infof("Reporting partner %s (%s, %s, %s) %s", partner.id(),
                partner.adapterType(), partner.settings().environment().wireName(), partner.adapter().baseUrl(),
                partner.enabled() ? "enabled" : "disabled"));
    }

    public Optional<ReportingPartner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** The configured reporting partners' ids, sorted, for messages that list them. */
    public Set<String> ids() {
        return new TreeSet<>(partners.keySet());
    }

    @Override
    public Collection<ReportingPartner> partners() {
        return partners.values();
    }

    /** Every partner's id: its outbox destination, limited (and grouped, for batch partners) before it is busy. */
    @Override
    public Set<String> destinations() {
        return partners.keySet();
    }

    @Override
    public OptionalInt concurrency(String destination) {
        ReportingPartner partner = partners.get(destination);
        return partner == null ? OptionalInt.empty() : OptionalInt.of(partner.settings().maxConcurrent());
    }

    /**
     * A call starts only while its delivery row's lease covers it ({@link ReportingSettings#callBudget()}): with a
     * lease shorter than that, the partner's reports would wait for ever without an attempt.
     */
    static void checkLease(ReportingPartner partner, Duration lease) {
        if (lease.compareTo(partner.settings().callBudget()) <= 0) {
            throw new InvalidSettingsException(PREFIX + partner.id() + ".timeout (" + partner.settings().timeout()
                    + ") must be at least " + ReportingSettings.CALL_MARGIN + " shorter than warden.outbox.lease ("
                    + lease + "): a call starts only while its delivery's lease covers it");
        }
    }

    private static ReportingPartner build(String id, ReportingAdapterType type, Config config, VendorHttp http,
            Set<String> allowedHosts) {
        ReportingDescriptor descriptor = type.descriptor();
        Map<String, String> values = new HashMap<>(CORE_DEFAULTS);
        values.putAll(descriptor.defaultGuardSettings());
        values.putAll(configured(id, config));
        ProviderSettings settings = new ProviderSettings(PREFIX, id, values);
        settings.get("type");
        Environment environment = settings.get("environment").map(raw -> Environment.fromWireName(raw)
                .orElseThrow(() -> settings.invalid("environment", "must be test or production, got '" + raw + "'")))
                .orElse(Environment.TEST);
        URI baseUrl = baseUrl(settings, descriptor, environment, allowedHosts);
        GuardSettings read = GuardSettings.read(settings);
        GuardSettings guard = new GuardSettings(read.timeout(), GuardSettings.Retry.NONE, read.breaker(),
                read.bulkhead(), read.ratePerSecond());
        Duration timeout = guard.timeout().orElseThrow();
        ReportingSettings core = ReportingSettings.read(settings, environment, baseUrl, timeout,
                guard.bulkhead().maxConcurrent());
        ReportingAdapter adapter = type.create(new ReportingContext(id, settings, http.limitedTo(timeout),
                environment, baseUrl));
        if (adapter.format() != descriptor.format()) {
            throw new IllegalStateException(descriptor.id() + " declares " + descriptor.format() + " but created a "
                    + adapter.format() + " adapter");
        }
        if (!settings.unread().isEmpty()) {
            throw new InvalidSettingsException("Unknown settings for reporting partner '" + id + "' (type "
                    + descriptor.id() + "): " + settings.unread().stream().map(settings::key).toList());
        }
        return new ReportingPartner(id, descriptor, core.enabled(), new ProviderGuard(guard), adapter, core);
    }

    private static Map<String, String> configured(String id, Config config) {
        String prefix = PREFIX + id + ".";
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                String key = name.substring(prefix.length());
                if (NOT_REPORTING.contains(key)) {
                    throw new InvalidSettingsException(name + " is not a setting of a reporting partner");
                }
                config.getOptionalValue(name, String.class).ifPresent(value -> values.put(key, value));
            }
        }
        return values;
    }

    /**
     * {@code base-url}, else the descriptor's URL for the environment. Plain http and non-public hosts only for
     * {@code warden.reports.allowed-hosts}: reports carry personal data.
     */
    private static URI baseUrl(ProviderSettings settings, ReportingDescriptor descriptor, Environment environment,
            Set<String> allowedHosts) {
        Optional<String> configured = settings.get("base-url");
        if (configured.isEmpty()) {
            URI known = descriptor.environments().get(environment);
            if (known == null) {
                throw settings.invalid("base-url", "is required: " + descriptor.vendor() + " publishes no URL for"
                        + " environment " + environment.wireName());
            }
            return known;
        }
        String raw = configured.get();
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw settings.invalid("base-url", "is not a URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw settings.invalid("base-url", "must be an absolute URL without credentials, query or fragment");
        }
        boolean allowed;
        try {
            allowed = allowedHosts.contains(HostName.parse(uri.getHost()).text());
        } catch (InvalidHost e) {
            throw settings.invalid("base-url", "has an invalid host");
        }
        if (!"https".equals(uri.getScheme()) && !(allowed && "http".equals(uri.getScheme()))) {
            throw settings.invalid("base-url", "must use https (http only for warden.reports.allowed-hosts)");
        }
        return uri;
    }
}
