package dev.warden.adapters.sightengine;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ProviderContext;

/** The {@code sightengine} adapter type: builds Sightengine providers from {@code warden.providers.<id>.*}. */
@ApplicationScoped
public class SightengineAdapterType implements ClassifierAdapterType {

    public static final String ID = "sightengine";

    /** Sightengine's limits are per plan and unpublished (VA§9.6): a cautious default, to raise per account. */
    static final String RATE_LIMIT_PER_SECOND = "5";

    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, SightengineAdapter.VENDOR,
            SightengineSettings.SPEC, SightengineAdapter.CAPABILITIES,
            Map.of("rate-limit.per-second", RATE_LIMIT_PER_SECOND),
            "per plan, unpublished → rate-limit.per-second=5; set the plan's limit");

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new SightengineAdapter(context.http(), SightengineSettings.read(context.settings()));
    }
}
