package dev.warden.providers;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.jboss.logging.Logger;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import dev.warden.spi.ProviderException;

/**
 * The failures of an outbound transport (to vendors, to callback receivers), told in fixed phrases. Their messages
 * reach callers and the database, so they never name the partner's host or port or repeat an exception's text (which names both, and sometimes more);
 * the detail goes to the log at DEBUG for operators instead.
 */
public final class TransportFailures {

    private static final Logger LOG = Logger.getLogger(TransportFailures.class);

    /** Checked in order, against each cause from the outermost: a subclass comes before its parent. */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase(UnknownHostException.class, "%s unreachable (unknown host)"),
            new Phrase(ConnectTimeoutException.class, "%s unreachable (connect timeout)"),
            new Phrase(NoRouteToHostException.class, "%s unreachable (no route to host)"),
            new Phrase(ConnectException.class, "%s unreachable (connection refused)"),
            new Phrase(SSLException.class, "%s unreachable (TLS handshake failed)"),
            new Phrase(HttpClosedException.class, "connection closed by the %s"),
            new Phrase(StreamResetException.class, "stream reset by the %s"),
            new Phrase(TimeoutException.class, "no answer in time"),
            new Phrase(SocketException.class, "connection reset"));

    private static final String VENDOR = "vendor";

    private static final String UNKNOWN_PHRASE = "%s connection failed";

    static final String UNKNOWN = UNKNOWN_PHRASE.formatted(VENDOR);

    /** Cause chains are short; the bound only keeps a chain that loops back on itself from looping here. */
    private static final int MAX_CAUSES = 16;

    private TransportFailures() {
    }

    static ProviderException failed(URI uri, Throwable cause) {
        return failed(VENDOR, hostAndPort(uri), cause);
    }

    /**
     * A failed exchange with a partner, {@code party} naming it in the phrase ("vendor", "receiver"); where it was
     * ({@code host:port}) and the cause go to the DEBUG log only.
     */
    public static ProviderException failed(String party, String hostAndPort, Throwable cause) {
        LOG.debugf("Call to %s %s failed: %s", party, hostAndPort, cause);
        // A stalled vendor cut off by the transport's idle timeout is a timeout, as if the core had cut it off.
        ProviderException.Kind kind = cause instanceof TimeoutException ? ProviderException.Kind.TIMEOUT
                : ProviderException.Kind.UNAVAILABLE;
        return new ProviderException(kind, phrase(cause, party), cause);
    }

    static ProviderException tooLarge(URI uri, long maxBytes) {
        LOG.debugf("Vendor answer from %s exceeds %d bytes", hostAndPort(uri), maxBytes);
        return new ProviderException(ProviderException.Kind.INVALID_RESPONSE,
                "response exceeds " + maxBytes + " bytes");
    }

    static String phrase(Throwable failure) {
        return phrase(failure, VENDOR);
    }

    static String phrase(Throwable failure, String party) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            for (Phrase phrase : PHRASES) {
                if (phrase.type().isInstance(cause)) {
                    return phrase.text().formatted(party);
                }
            }
        }
        return UNKNOWN_PHRASE.formatted(party);
    }

    /** Never the whole URI: some vendors take the API key in the query. */
    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private record Phrase(Class<? extends Throwable> type, String text) {
    }
}
