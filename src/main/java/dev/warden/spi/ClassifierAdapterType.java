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
     * What the type declares: its settings, capabilities and guard defaults. The README's settings table and the
     * conformance kit's checks come from it. Types written before descriptors keep this default, which declares
     * nothing.
     */
    default AdapterDescriptor descriptor() {
        return AdapterDescriptor.undeclared(id());
    }

    /**
     * Defaults for this type's provider settings, the core's guard settings included (e.g. an in-process adapter
     * turns retries off: {@code retry.max-retries=0}). Configuration overrides them. By default the descriptor's
     * {@link AdapterDescriptor#defaultGuardSettings()}; a type overrides either this or {@link #descriptor()}.
     */
    default Map<String, String> defaultSettings() {
        return descriptor().defaultGuardSettings();
    }
}
