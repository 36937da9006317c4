package dev.warden.adapters.hive;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;

/** The {@code hive} adapter type: builds Hive Moderation (V2 task API) providers from {@code warden.providers.<id>.*}. */
@ApplicationScoped
public class HiveAdapterType implements ClassifierAdapterType {

    public static final String ID = "hive";

    /** Hive sets each project's limit by contract and publishes none; 10/s is a cautious start to raise. */
    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, HiveVerdictReader.VENDOR,
            HiveSettings.SPEC, Capabilities.byCallback(Modality.TEXT, Modality.IMAGE),
            Map.of("rate-limit.per-second", "10"), "Hive configures a rate limit per project and publishes no "
                    + "default (VA§4.5): 10 requests per second is a guess to replace with the project's limit.");

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new HiveAdapter(context.http(), HiveSettings.read(context.settings()));
    }
}
