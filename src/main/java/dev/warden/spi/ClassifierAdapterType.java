package dev.warden.spi;

import java.util.Map;

/**
 * An adapter type: a CDI bean with an id (e.g. {@code openai}) that creates provider instances from their settings
 * ({@code warden.providers.<instance>.*}). Two instances of one type (two regions, two keys) are two config blocks.
 */
public interface ClassifierAdapterType {

    /** The type id, referenced by {@code warden.providers.<instance>.adapter}. */
    String id();

    /**
     * Creates an instance. Read every setting the type understands from {@code context.settings()}; settings left
     * unread are reported as unknown and fail start-up. Throw {@link InvalidSettingsException} for bad values.
     */
    ClassifierAdapter create(ProviderContext context);

    /**
     * Defaults for this type's provider settings, the core's guard settings included (e.g. an in-process adapter
     * turns retries off: {@code retry.max-retries=0}). Configuration overrides them.
     */
    default Map<String, String> defaultSettings() {
        return Map.of();
    }
}
