package dev.warden.api;

import jakarta.ws.rs.Priorities;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.warden.api.auth.CallerHolder;

/**
 * Puts the authenticated client's name in the log context ({@code client}) of every line logged while its request is
 * served. It runs after {@link dev.warden.api.auth.ApiKeyFilter} has authenticated the request (a later priority); a
 * request it refused never gets here, and a partner's webhook, signed instead, has no client.
 */
public class ClientLogFilter {

    static final String MDC_KEY = "client";

    private final CallerHolder caller;

    ClientLogFilter(CallerHolder caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void logClient() {
        caller.known().ifPresent(client -> MDC.put(MDC_KEY, client.name()));
    }
}
