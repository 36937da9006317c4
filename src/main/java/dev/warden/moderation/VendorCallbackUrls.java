package dev.warden.moderation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

import dev.warden.persistence.VendorJobs;
import dev.warden.providers.Provider;
import dev.warden.providers.ProviderRegistry;
import dev.warden.spi.InvalidSettingsException;

/**
 * Opens a vendor job and gives it its callback URL: {@code <warden.public-url>/v1/webhooks/<provider>?job=<job id>
 * &token=<token>}, the token 256 random bits, of which only the SHA-256 is stored. The job row is written before the
 * vendor hears of the URL, so a callback that arrives before the vendor's own answer finds it; replicas and
 * restarts share it through the database. Start-up fails when an enabled provider answers by callback and
 * {@code warden.public-url} (where vendors reach Warden) is not set.
 */
@Startup
@ApplicationScoped
class VendorCallbackUrls {

    static final String PUBLIC_URL = "warden.public-url";
    static final String JOB = "job";
    static final String TOKEN = "token";
    private static final int TOKEN_BYTES = 32;

    private final Optional<URI> publicUrl;
    private final VendorJobs jobs;
    private final SecureRandom random = new SecureRandom();

    VendorCallbackUrls(@ConfigProperty(name = PUBLIC_URL) Optional<String> publicUrl, ProviderRegistry registry,
            VendorJobs jobs) {
        this.publicUrl = publicUrl(publicUrl, registry.all());
        this.jobs = jobs;
    }

    /** The base URL vendors reach Warden at; required when an enabled provider answers by callback. */
    static Optional<URI> publicUrl(Optional<String> configured, Collection<Provider> providers) {
        Optional<URI> parsed = configured.filter(raw -> !raw.isBlank()).map(VendorCallbackUrls::parse);
        List<String> byCallback = providers.stream().filter(Provider::enabled)
                .filter(provider -> provider.adapter().capabilities().async()).map(Provider::id).toList();
        if (parsed.isEmpty() && !byCallback.isEmpty()) {
            throw new InvalidSettingsException(PUBLIC_URL + " is required: the vendors of " + byCallback
                    + " answer by callback, to a URL under the base URL they reach Warden at (e.g."
                    + " https://warden.example.com)");
        }
        return parsed;
    }

    /** Stores a new job of {@code provider} at {@code position} of the moderation, and answers its callback URL. */
    Uni<VendorCallback> open(UUID moderationId, int position, String provider, Instant deadline) {
        UUID job = UUID.randomUUID();
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String url = publicUrl.orElseThrow(() -> new IllegalStateException(PUBLIC_URL + " is not set")).toString()
                + "/v1/webhooks/" + provider + "?" + JOB + "=" + job + "&" + TOKEN + "=" + token;
        return jobs.open(job, moderationId, position, provider, sha256(token), deadline)
                .replaceWith(new VendorCallback(job, url));
    }

    Uni<Void> accepted(VendorCallback callback, String vendorJobId) {
        return jobs.accepted(callback.job(), vendorJobId);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static URI parse(String raw) {
        String trimmed = raw.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new InvalidSettingsException(PUBLIC_URL + " must be an absolute http(s) URL without query or"
                        + " fragment, got '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException(PUBLIC_URL + " is not a URL: '" + raw + "'");
        }
    }
}
