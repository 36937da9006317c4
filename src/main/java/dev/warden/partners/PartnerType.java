package dev.warden.partners;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.warden.spi.InvalidSettingsException;

/**
 * The types {@code warden.partners.<id>.type} may name; each is built by a source of its own (review desks by
 * {@link ReviewDesks}, reporting partners by {@code dev.warden.reports.ReportingPartners}).
 */
enum PartnerType {
    REVIEW,
    DSA_TRANSPARENCY,
    NCMEC;

    static final String PREFIX = "warden.partners.";

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<PartnerType> fromWireName(String text) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(text.trim())).findFirst();
    }

    /** The partner's type; an unknown one fails start-up with the types Warden knows. */
    static PartnerType of(String id, String text) {
        return fromWireName(text).orElseThrow(() -> new InvalidSettingsException(PREFIX + id + ".type: no partner"
                + " type '" + text + "'; known: " + Arrays.stream(values()).map(PartnerType::wireName).toList()));
    }
}
