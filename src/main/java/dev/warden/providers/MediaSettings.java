package dev.warden.providers;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.warden.config.MediaConfig;
import dev.warden.net.HostName;
import dev.warden.net.InvalidHost;
import dev.warden.spi.InvalidSettingsException;

/**
 * The media fetcher's limits, checked at start-up: the size and time caps and the exact hosts exempt from the https
 * and public-address rules, in their canonical spelling ({@link HostName}).
 */
public record MediaSettings(long maxBytes, Duration timeout, Set<String> allowedHosts) {

    static final String ALLOWED_HOSTS = "warden.media.allowed-hosts";

    public MediaSettings {
        if (maxBytes < 1) {
            throw new InvalidSettingsException("warden.media.max-size must be at least 1 byte");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSettingsException("warden.media.timeout must be greater than zero");
        }
        allowedHosts = Set.copyOf(allowedHosts);
    }

    static MediaSettings of(MediaConfig config) {
        return new MediaSettings(config.maxSize().asLongValue(), config.timeout(),
                canonical(config.allowedHosts().orElse(List.of())));
    }

    /** The hosts as {@link HostName} spells them, so {@code LOCALHOST.} and {@code localhost} are one entry. */
    public static Set<String> canonical(List<String> hosts) {
        return hosts.stream().map(String::trim).filter(host -> !host.isEmpty()).map(MediaSettings::canonical)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String canonical(String host) {
        try {
            return HostName.parse(host).text();
        } catch (InvalidHost invalid) {
            throw new InvalidSettingsException(ALLOWED_HOSTS + ": '" + host + "' " + invalid.getMessage()
                    + "; list host names or IP literals only, without a scheme or port");
        }
    }
}
