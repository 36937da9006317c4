package dev.warden.observability;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;

/**
 * A span {@value #SPAN} per outbox delivery attempt (one row, or one group of rows of a kind and destination). The
 * outbox worker works rows long after the request that queued them, so each attempt is the root of a trace of its
 * own. (An async moderation's job runs its provider calls on a Vert.x context of their own, so their spans are roots
 * too; the attribute {@code warden.moderation} ties them to the moderation.)
 */
@ApplicationScoped
@Unremovable // looked up, never injected: ArC would remove it as unused
public class DeliveryTracing {

    static final String SPAN = "warden.delivery";

    private final WardenTracer tracer;

    DeliveryTracing(WardenTracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The tracing of the running application, or none where there is no CDI container (a worker built by hand): the
     * outbox worker is not a bean, and its constructors are used directly by tests.
     */
    public static DeliveryTracing current() {
        ArcContainer container = Arc.container();
        DeliveryTracing bean = container == null ? null : container.instance(DeliveryTracing.class).orElse(null);
        return bean == null ? new DeliveryTracing(WardenTracer.OFF) : bean;
    }

    /** @param attempt the number of this attempt at the (first) row, from 1 */
    public DeliveryTrace start(String kind, String destination, int attempt, int rows) {
        if (!tracer.on()) {
            return DeliveryTrace.NONE;
        }
        Span span = tracer.span(SPAN).setParent(Context.root())
                .setAttribute(TraceAttributes.KIND, kind)
                .setAttribute(TraceAttributes.DESTINATION, destination)
                .setAttribute(TraceAttributes.ATTEMPT, (long) attempt)
                .setAttribute(TraceAttributes.ROWS, (long) rows)
                .startSpan();
        AtomicBoolean ended = new AtomicBoolean();
        return (outcome, failed) -> {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            span.setAttribute(TraceAttributes.OUTCOME, outcome);
            if (failed) {
                span.setStatus(StatusCode.ERROR, outcome);
            }
            span.end();
        };
    }
}
