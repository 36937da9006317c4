package dev.warden.moderation;

import dev.warden.config.PoliciesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The named policies callers can ask for. */
@ApplicationScoped
public class PolicyCatalog {

    private final PoliciesConfig config;

    PolicyCatalog(PoliciesConfig config) {
        this.config = config;
    }

    public Optional<PoliciesConfig.Policy> find(String name) {
        return Optional.ofNullable(config.all().get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(config.all().keySet());
    }
}
