package dev.warden.adapters.azurecontentsafety;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ProviderContext;

/**
 * The {@code azure-content-safety} adapter type: builds Azure AI Content Safety providers from
 * {@code warden.providers.<id>.*}.
 */
@ApplicationScoped
public class AzureContentSafetyAdapterType implements ClassifierAdapterType {

    public static final String ID = "azure-content-safety";

    /** Azure allows 1000 requests per 10 s on F0 and S0 alike (VA§3.6). */
    static final String RATE_LIMIT_PER_SECOND = "100";

    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, AzureContentSafetyAdapter.VENDOR,
            AzureSettings.SPEC, AzureContentSafetyAdapter.CAPABILITIES,
            Map.of("rate-limit.per-second", RATE_LIMIT_PER_SECOND),
            "1000 requests per 10 s per resource (F0 and S0) → rate-limit.per-second=100");

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new AzureContentSafetyAdapter(context.http(), context.media(), AzureSettings.read(context.settings()));
    }
}
