package dev.warden.observability;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/**
 * A span {@value #SPAN} per provider call (all its attempts), a child of whatever span is current where the call
 * starts (the request's server span when Warden serves a request), and a DEBUG line when it ends. With the
 * OpenTelemetry SDK off and DEBUG off nothing is allocated per call.
 */
@ApplicationScoped
public class ProviderCallTracing {

    static final String SPAN = "warden.provider.call";
    private static final Logger LOG = Logger.getLogger(ProviderCallTracing.class);

    private final WardenTracer tracer;

    ProviderCallTracing(WardenTracer tracer) {
        this.tracer = tracer;
    }

    /**
     * @param moderationId the moderation the call is for
     * @param policy       the policy the call is made under, when the caller knows it
     */
    public ProviderCallTrace start(String provider, String moderationId, Optional<String> policy) {
        boolean logging = LOG.isDebugEnabled();
        if (!tracer.on() && !logging) {
            return ProviderCallTrace.NONE;
        }
        Span span = tracer.on() ? startSpan(provider, moderationId, policy) : Span.getInvalid();
        AtomicBoolean ended = new AtomicBoolean();
        return (outcome, attempts, latencyMs, errorKind) -> {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (logging) {
                LOG.debugf("Provider %s: %s after %d attempt(s) in %d ms%s", provider, outcome, attempts, latencyMs,
                        errorKind.map(kind -> " (" + kind + ")").orElse(""));
            }
            span.setAttribute(TraceAttributes.OUTCOME, outcome);
            span.setAttribute(TraceAttributes.ATTEMPT, (long) attempts);
            errorKind.ifPresent(kind -> {
                span.setAttribute(TraceAttributes.ERROR_KIND, kind);
                span.setStatus(StatusCode.ERROR, outcome);
            });
            span.end();
        };
    }

    private Span startSpan(String provider, String moderationId, Optional<String> policy) {
        Span span = tracer.span(SPAN).setParent(Context.current())
                .setAttribute(TraceAttributes.PROVIDER, provider)
                .setAttribute(TraceAttributes.MODERATION, moderationId)
                .startSpan();
        policy.ifPresent(name -> span.setAttribute(TraceAttributes.POLICY, name));
        return span;
    }
}
