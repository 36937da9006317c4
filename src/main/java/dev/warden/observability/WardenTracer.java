package dev.warden.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * The tracer Warden's own spans come from, and whether tracing is on at all: with the OpenTelemetry SDK off (the
 * default) callers skip even building a span, so tracing costs nothing per call.
 */
@ApplicationScoped
class WardenTracer {

    /** Tracing off, for code running without the CDI container. */
    static final WardenTracer OFF = new WardenTracer(null, true);

    private final Tracer tracer;
    private final boolean on;

    WardenTracer(Tracer tracer,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.tracer = tracer;
        this.on = !sdkDisabled && tracer != null;
    }

    boolean on() {
        return on;
    }

    /** A span of Warden's own work inside the process. */
    SpanBuilder span(String name) {
        return tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL);
    }
}
