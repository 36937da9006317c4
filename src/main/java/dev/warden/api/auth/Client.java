package dev.warden.api.auth;

import java.util.Set;

/** An authenticated internal service. */
public record Client(String name, Set<Scope> scopes) {

    public Client {
        scopes = Set.copyOf(scopes);
    }
}
