package dev.warden.providers;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

import dev.warden.config.ReportsConfig;
import dev.warden.net.AddressKind;
import dev.warden.net.AddressRefused;
import dev.warden.net.CheckedAddresses;
import dev.warden.net.PinnedRequest;
import dev.warden.net.UnresolvedHost;
import dev.warden.providers.BoundedExchange.Answer;
import dev.warden.spi.ProviderException;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.EvidenceRef;

/**
 * Fetches a report's evidence files for upload, on the media fetcher's rules: https (plain http and non-public
 * addresses only for {@code warden.reports.allowed-hosts}), every resolved address checked, the connection pinned to
 * the checked address, no redirects, the body capped at {@code warden.reports.evidence.max-size} and the whole fetch
 * bounded by {@code warden.reports.evidence.timeout}. Any content type is taken. The bytes are hashed (SHA-256 and
 * MD5) and checked against the hashes the report names. What the caller's URL or bytes cause fails with
 * {@link EvidenceRefused} (permanent); what the evidence host's health causes (5xx, 408, 429, no connection, no answer
 * in time) with a retryable {@link ProviderException}.
 */
@Singleton
public class EvidenceFetcher {

    private static final String PARTY = "evidence host";
    /** How {@link MediaUrl} words its refusals; an evidence file is not an image. */
    private static final String IMAGE_URL = "the image URL ";
    private static final String UNTYPED = "application/octet-stream";
    private static final Set<Integer> HOST_TROUBLE = Set.of(408, 429);

    private final HttpClient client;
    private final CheckedAddresses addresses;
    private final long maxBytes;
    private final Duration timeout;
    private final Set<String> allowedHosts;

    @Inject
    EvidenceFetcher(Vertx vertx, CheckedAddresses addresses, ReportsConfig config) {
        this(vertx, addresses, config.evidence().maxSize().asLongValue(), config.evidence().timeout(),
                MediaSettings.canonical(config.allowedHosts().orElse(List.of())), new HttpClientOptions());
    }

    /** {@code base}: options to start from (tests add a trust store for their own TLS server). */
    public EvidenceFetcher(Vertx vertx, CheckedAddresses addresses, long maxBytes, Duration timeout,
            Set<String> allowedHosts, HttpClientOptions base) {
        this.addresses = addresses;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.client = vertx.createHttpClient(base
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setTryUseCompression(false));
    }

    public Uni<EvidenceFile> fetch(EvidenceRef ref) {
        int position = ref.position();
        return Uni.createFrom().deferred(() -> {
            MediaUrl url = parse(ref);
            return checked(url, position).chain(address -> download(url, address, position));
        })
                .ifNoItem().after(timeout)
                .failWith(() -> new ProviderException(ProviderException.Kind.TIMEOUT, "evidence file " + position
                        + ": no answer within " + timeout.toMillis() + " ms"))
                .map(answer -> verified(ref, answer));
    }

    private MediaUrl parse(EvidenceRef ref) {
        try {
            return MediaUrl.parse(ref.url(), allowedHosts);
        } catch (MediaRefused refused) {
            String reason = refused.getMessage();
            throw new EvidenceRefused(ref.position(), "the URL "
                    + (reason.startsWith(IMAGE_URL) ? reason.substring(IMAGE_URL.length()) : reason));
        }
    }

    private Uni<InetAddress> checked(MediaUrl url, int position) {
        return addresses.checked(url.host(), url.listed())
                .onFailure(AddressRefused.class).transform(failure -> new EvidenceRefused(position,
                        refusal(((AddressRefused) failure).kind())))
                .onFailure(UnresolvedHost.class).transform(failure -> new EvidenceRefused(position,
                        "the URL names an unknown host"));
    }

    private static String refusal(AddressKind kind) {
        return "the URL leads to " + kind.description() + (kind == AddressKind.METADATA ? ", which Warden never calls"
                : "; only a host listed exactly in warden.reports.allowed-hosts may");
    }

    private Uni<Answer> download(MediaUrl url, InetAddress address, int position) {
        return BoundedExchange.send(client, PinnedRequest.options(HttpMethod.GET, address, url.host(), url.port(),
                url.tls(), url.pathAndQuery(), timeout, timeout), Buffer.buffer(), maxBytes,
                cause -> unreachable(position, cause),
                () -> new EvidenceRefused(position, "more than " + maxBytes + " bytes"));
    }

    private static EvidenceFile verified(EvidenceRef ref, Answer answer) {
        int status = answer.status();
        if (status / 100 == 5 || HOST_TROUBLE.contains(status)) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "evidence file " + ref.position()
                    + ": the evidence host answered HTTP " + status);
        }
        if (status / 100 != 2) {
            throw new EvidenceRefused(ref.position(), status / 100 == 3
                    ? "the URL redirects, and redirects are not followed"
                    : "the evidence host answered HTTP " + status);
        }
        byte[] bytes = answer.body();
        String sha256 = hex("SHA-256", bytes);
        String md5 = hex("MD5", bytes);
        if (!matches(ref.sha256(), sha256)) {
            throw new EvidenceRefused(ref.position(), "its bytes do not match the report's sha256");
        }
        if (!matches(ref.md5(), md5)) {
            throw new EvidenceRefused(ref.position(), "its bytes do not match the report's md5");
        }
        String type = Optional.ofNullable(answer.headers().get("Content-Type")).map(EvidenceFetcher::mediaType)
                .filter(text -> !text.isEmpty()).orElse(UNTYPED);
        return new EvidenceFile(ref, bytes, type, sha256, md5);
    }

    private static boolean matches(Optional<String> expected, String actual) {
        return expected.map(hash -> hash.trim().toLowerCase(Locale.ROOT).equals(actual)).orElse(true);
    }

    private static String mediaType(String header) {
        int parameters = header.indexOf(';');
        return (parameters < 0 ? header : header.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /** Without the cause: the transport's own messages name the host and port. */
    private static ProviderException unreachable(int position, Throwable cause) {
        ProviderException failed = TransportFailures.failed(PARTY, "evidence file " + position, cause);
        return new ProviderException(failed.kind(), "evidence file " + position + ": " + failed.getMessage());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
