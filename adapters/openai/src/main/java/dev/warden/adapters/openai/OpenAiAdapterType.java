package dev.warden.adapters.openai;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ProviderContext;

/** The {@code openai} adapter type: builds OpenAI Moderation providers from {@code warden.providers.<id>.*}. */
@ApplicationScoped
public class OpenAiAdapterType implements ClassifierAdapterType {

    public static final String ID = "openai";

    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, OpenAiModerationAdapter.VENDOR,
            OpenAiSettings.SPEC, OpenAiModerationAdapter.CAPABILITIES, Map.of(),
            "OpenAI limits tokens per minute per account tier, not requests; the core's default rate limit applies."
                    + " Size rate-limit.per-second to your tier.");

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new OpenAiModerationAdapter(context.http(), OpenAiSettings.read(context.settings()));
    }
}
