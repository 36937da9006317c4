package dev.warden.config;

import java.util.Map;
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
    }
}
