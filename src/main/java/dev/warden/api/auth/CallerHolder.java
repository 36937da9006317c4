package dev.warden.api.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The client the current request was authenticated as; set by {@link ApiKeyFilter} before any resource runs. */
@RequestScoped
public class CallerHolder {

    private Client client;

    void set(Client client) {
        this.client = client;
    }

    /** The client, or empty for a request no API key authenticated (a partner's signed webhook). */
    public Optional<Client> known() {
        return Optional.ofNullable(client);
    }

    public Client client() {
        if (client == null) {
            throw new IllegalStateException("request was not authenticated");
        }
        return client;
    }
}
