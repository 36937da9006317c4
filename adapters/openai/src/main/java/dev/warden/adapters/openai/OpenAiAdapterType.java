package dev.warden.adapters.openai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ProviderContext;

/** The {@code openai} adapter type: builds OpenAI Moderation providers from {@code warden.providers.<id>.*}. */
@ApplicationScoped
public class OpenAiAdapterType implements ClassifierAdapterType {

    public static final String ID = "openai";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new OpenAiModerationAdapter(context.http(), OpenAiSettings.read(context.settings()));
    }
}
