package dev.warden.spi.reporting;

/**
 * A reporting partner type (a CDI bean, e.g. {@code dsa-transparency}) that creates partner instances from
 * {@code warden.partners.<id>.*} when {@code .type} names it.
 */
public interface ReportingAdapterType {

    ReportingDescriptor descriptor();

    /**
     * Creates an instance. Read every setting the type understands from {@code context.settings()}; settings left
     * unread are reported as unknown and fail start-up. Throw {@code InvalidSettingsException} for bad values.
     */
    ReportingAdapter create(ReportingContext context);

    default String id() {
        return descriptor().id();
    }
}
