package dev.warden.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.warden.api.auth.ApiKeys;

/**
 * The development API key of the embedded default: created on first start under {@code <warden.home>/dev-api-key}
 * (owner-only permissions), printed to the console that one time, and reused afterwards. Never created when a
 * database URL is configured: a real deployment configures its clients.
 */
@ApplicationScoped
public class DevApiKey {

    public static final String CLIENT_NAME = "dev";
    static final String FILE_NAME = "dev-api-key";
    private static final String PREFIX = "wdn_dev_";
    private static final Logger LOG = Logger.getLogger(DevApiKey.class);

    private final boolean embedded;
    private final Path home;

    DevApiKey(@ConfigProperty(name = EmbeddedDatabase.ACTIVE_PROPERTY, defaultValue = "false") boolean embedded,
            @ConfigProperty(name = "warden.home", defaultValue = ".warden") Path home) {
        this.embedded = embedded;
        this.home = home;
    }

    /** The SHA-256 of the development key when running on the embedded default. */
    public Optional<String> hashIfEmbedded() {
        if (!embedded) {
            return Optional.empty();
        }
        Path file = home.resolve(FILE_NAME);
        try {
            OwnerOnlyFile.Secret key = OwnerOnlyFile.readOrCreateSecret(file, PREFIX);
            if (key.created()) {
                System.out.printf("%n  Development API key (shown once, kept in %s):%n%n    %s%n%n",
                        file.toAbsolutePath(), key.value());
            } else {
                LOG.infof("No clients configured: accepting the development API key stored in %s",
                        file.toAbsolutePath());
            }
            return Optional.of(ApiKeys.sha256Hex(key.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development API key in " + file, e);
        }
    }
}
