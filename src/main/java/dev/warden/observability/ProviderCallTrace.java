package dev.warden.observability;

import java.util.Optional;

/**
 * One provider call being observed: ended exactly once, with what the call came to. Calls to it after the first end
 * change nothing, so a cancellation racing the result cannot end a span twice.
 */
public interface ProviderCallTrace {

    /** Observes nothing: tracing is off and the call log line is not logged. */
    ProviderCallTrace NONE = (outcome, attempts, latencyMs, errorKind) -> {
    };

    /**
     * @param outcome   the provider outcome's wire name ({@code ok}, {@code error}, {@code timeout}, …)
     * @param attempts  the attempts made (0 when the guard refused the call)
     * @param errorKind the failure's kind when the call failed; never its message, which may quote the vendor
     */
    void ended(String outcome, int attempts, long latencyMs, Optional<String> errorKind);
}
