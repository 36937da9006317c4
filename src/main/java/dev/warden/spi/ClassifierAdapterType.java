package dev.warden.spi;

import java.util.Map;

/**
 * An adapter type: a CDI bean with an id (e.g. {@code openai}) that creates provider instances from their settings
 * ({@code warden.providers.<instance>.*}). Two instances of one type (two regions, two keys) are two config blocks.
 */
public interface ClassifierAdapterType {

    /**
     * The type id, referenced by {@code warden.providers.<instance>.adapter}. By default the descriptor's id: a type
     * declares its {@link #descriptor()} and {@link #create} only. A type written before descriptors overrides this
     * one instead, and gets the undeclared descriptor.
     */
    default String id() {
        if (!declaresDescriptor(getClass())) {
            // Each default would otherwise ask the other, without end.
            throw new IllegalStateException(getClass().getName() + " overrides neither id() nor descriptor()");
        }
        return descriptor().id();
    }

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

    private static boolean declaresDescriptor(Class<?> type) {
        try {
            return type.getMethod("descriptor").getDeclaringClass() != ClassifierAdapterType.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("an interface method is always public", e);
        }
    }
}
