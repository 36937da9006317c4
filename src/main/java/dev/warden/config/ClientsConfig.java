package dev.warden.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/** {@code warden.clients.<name>.*}: the internal services allowed to call Warden. Keys are stored only as SHA-256. */
@ConfigMapping(prefix = "warden.clients")
public interface ClientsConfig {

    @WithParentName
    Map<String, Client> all();

    interface Client {
        /** Lower-case hex SHA-256 of the client's API key. */
        String apiKeySha256();

        Set<String> scopes();

        /** Standard Webhooks secrets ({@code whsec_<base64>}) signing this client's callbacks; several while rotating. */
        Optional<List<String>> callbackSecret();

        /** The hosts this client may name in a {@code callbackUrl}; none configured means no callbacks. */
        Optional<List<String>> callbackHosts();

        /**
         * The policies this client may ask for (OWASP API5): any other gets 403, so a client cannot pick a fail-open
         * policy it was not given. Absent: every policy.
         */
        Optional<Set<String>> policies();

        RateLimit rateLimit();
    }

    interface RateLimit {
        /**
         * Requests per second this client may make to one replica (OWASP API4), with a burst of one second's worth;
         * fractions allowed (0.5 = one every two seconds). Absent: no limit.
         */
        OptionalDouble perSecond();
    }
}
