package dev.warden.spi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * What an adapter type declares about itself without creating an instance: its settings (the README table and the
 * kit's checks come from them), the capabilities an instance has with its defaults, the guard settings it changes
 * (e.g. {@code rate-limit.per-second}) and why that rate limit.
 *
 * @param vendor        the vendor's name as messages say it, e.g. {@code Azure AI Content Safety}
 * @param rateLimitNote where the default rate limit comes from (the vendor's quota, or why it is a guess)
 */
public record AdapterDescriptor(String id, String vendor, SettingsSpec settings, Capabilities declaredCapabilities,
        Map<String, String> defaultGuardSettings, String rateLimitNote) {

    public AdapterDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(declaredCapabilities, "declaredCapabilities");
        defaultGuardSettings = Map.copyOf(defaultGuardSettings);
        Objects.requireNonNull(rateLimitNote, "rateLimitNote");
    }

    /** For a type that declares nothing yet: no settings, no capabilities. The kit fails such a type. */
    public static AdapterDescriptor undeclared(String id) {
        return new AdapterDescriptor(id, id, SettingsSpec.builder().build(),
                new Capabilities(EnumSet.noneOf(Modality.class), false), Map.of(), "");
    }
}
