package dev.warden.reports;

import dev.warden.providers.Partner;
import dev.warden.providers.PartnerKind;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingDescriptor;

/**
 * One configured reporting partner ({@code warden.partners.<id>}, type {@code dsa-transparency} or {@code ncmec}):
 * its adapter, its guard (every call to it goes through {@code guard().attempt(...)}; the outbox retries, the guard
 * does not) and the core's settings for it.
 */
public record ReportingPartner(String id, ReportingDescriptor descriptor, boolean enabled, ProviderGuard guard,
        ReportingAdapter adapter, ReportingSettings settings) implements Partner {

    @Override
    public PartnerKind kind() {
        return PartnerKind.REPORTING;
    }

    @Override
    public String adapterType() {
        return descriptor.id();
    }
}
