package dev.warden.providers;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.warden.spi.InvalidSettingsException;

/**
 * Every partner of every kind, for the operator view and the admin circuit switch: one registry, so a new kind of
 * partner is a new {@link PartnerSource}, not a second registry.
 */
@ApplicationScoped
public class PartnerRegistry {

    private static final Comparator<Partner> BY_KIND_THEN_ID = Comparator.comparing(Partner::kind)
            .thenComparing(Partner::id);

    private final Map<String, Partner> partners;

    PartnerRegistry(Instance<PartnerSource> sources) {
        Map<String, Partner> byId = new LinkedHashMap<>();
        sources.stream().flatMap(source -> source.partners().stream()).sorted(BY_KIND_THEN_ID).forEach(partner -> {
            Partner previous = byId.put(partner.id(), partner);
            if (previous != null) {
                throw new InvalidSettingsException("Two partners have the id '" + partner.id() + "': a "
                        + previous.kind().wireName() + " and a " + partner.kind().wireName());
            }
        });
        this.partners = byId;
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** Classifiers first, then callback receivers, then review desks; by id within a kind. */
    public Collection<Partner> all() {
        return partners.values();
    }
}
