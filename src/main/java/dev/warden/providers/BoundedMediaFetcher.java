package dev.warden.providers;

import java.net.InetAddress;
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

import dev.warden.config.MediaConfig;
import dev.warden.net.AddressKind;
import dev.warden.net.AddressRefused;
import dev.warden.net.CheckedAddresses;
import dev.warden.net.PinnedRequest;
import dev.warden.net.UnresolvedHost;
import dev.warden.providers.BoundedExchange.Answer;
import dev.warden.spi.ContentPart;
import dev.warden.spi.FetchedMedia;
import dev.warden.spi.MediaFetcher;

/**
 * The core's {@link MediaFetcher}, a Vert.x client of its own. The URL's host is resolved once and every address
 * checked ({@link CheckedAddresses}, the callback rules); the connection goes to the checked address while the
 * request names the host (the {@code Host} header, TLS SNI and certificate verification use the name). Redirects are
 * never followed. The body is read up to the smaller of the vendor's and the core's cap and aborted past it, the
 * whole fetch is bounded by {@code warden.media.timeout}, and cancelling the {@code Uni} resets the stream. What
 * arrives must be an image whose first bytes match its declared type, and a type the vendor takes.
 */
@Singleton
public class BoundedMediaFetcher implements MediaFetcher {

    private static final String PARTY = "image host";

    private final HttpClient client;
    private final CheckedAddresses addresses;
    private final MediaSettings settings;

    @Inject
    BoundedMediaFetcher(Vertx vertx, CheckedAddresses addresses, MediaConfig config) {
        this(vertx, addresses, MediaSettings.of(config), new HttpClientOptions());
    }

    /** {@code base}: options to start from (tests add a trust store for their own TLS server). */
    public BoundedMediaFetcher(Vertx vertx, CheckedAddresses addresses, MediaSettings settings,
            HttpClientOptions base) {
        this.addresses = addresses;
        this.settings = settings;
        this.client = vertx.createHttpClient(base
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setTryUseCompression(false));
    }

    @Override
    public Uni<FetchedMedia> fetch(ContentPart.Image image, long maxBytes, Set<String> acceptedTypes) {
        long cap = Math.min(maxBytes, settings.maxBytes());
        return Uni.createFrom().deferred(() -> {
            MediaUrl url = MediaUrl.parse(image.url(), settings.allowedHosts());
            return checked(url).chain(address -> download(url, address, cap));
        })
                .ifNoItem().after(settings.timeout())
                .failWith(() -> new MediaRefused("gave no image within " + settings.timeout().toMillis() + " ms"))
                .map(answer -> verified(answer, acceptedTypes));
    }

    private Uni<InetAddress> checked(MediaUrl url) {
        return addresses.checked(url.host(), url.listed())
                .onFailure(AddressRefused.class).transform(failure -> new MediaRefused(refusal(
                        ((AddressRefused) failure).kind())))
                .onFailure(UnresolvedHost.class).transform(failure -> new MediaRefused("names an unknown host"));
    }

    private static String refusal(AddressKind kind) {
        return "leads to " + kind.description() + (kind == AddressKind.METADATA ? ", which Warden never calls"
                : "; only a host listed exactly in warden.media.allowed-hosts may");
    }

    private Uni<Answer> download(MediaUrl url, InetAddress address, long cap) {
        return BoundedExchange.send(client, PinnedRequest.options(HttpMethod.GET, address, url.host(), url.port(),
                url.tls(), url.pathAndQuery(), settings.timeout(), settings.timeout()), Buffer.buffer(), cap,
                BoundedMediaFetcher::unreachable, () -> tooLarge(cap));
    }

    private static FetchedMedia verified(Answer answer, Set<String> acceptedTypes) {
        int status = answer.status();
        if (status / 100 != 2) {
            throw new MediaRefused(status / 100 == 3 ? "redirects, and redirects are not followed"
                    : "answered HTTP " + status);
        }
        String type = ImageSignatures.typeOf(answer.body())
                .orElseThrow(() -> new MediaRefused("does not lead to an image of a known format"));
        if (Optional.ofNullable(answer.headers().get("Content-Type")).map(BoundedMediaFetcher::mediaType)
                .filter(type::equals).isEmpty()) {
            throw new MediaRefused("answered a Content-Type that its bytes (" + type + ") do not match");
        }
        if (!acceptedTypes.contains(type)) {
            throw new MediaRefused("leads to " + type + ", which this vendor does not take; it takes "
                    + acceptedTypes.stream().sorted().toList());
        }
        return new FetchedMedia(answer.body(), type);
    }

    /** {@code image/JPEG; charset=x} → {@code image/jpeg}; the common misspelling {@code image/jpg} too. */
    private static String mediaType(String header) {
        int parameters = header.indexOf(';');
        String type = (parameters < 0 ? header : header.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") ? "image/jpeg" : type;
    }

    private static MediaRefused tooLarge(long cap) {
        return new MediaRefused("leads to more than " + cap + " bytes");
    }

    /** Without the cause: the transport's own messages name the host and port. */
    private static MediaRefused unreachable(Throwable cause) {
        return new MediaRefused("could not be fetched: " + TransportFailures.phrase(cause, PARTY));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
