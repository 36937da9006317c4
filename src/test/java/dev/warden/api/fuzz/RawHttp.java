package dev.warden.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 client on a raw socket, so a case can send what no HTTP library would: CR or LF inside a header value,
 * duplicated or contradictory headers, bytes that are not UTF-8, malformed request lines. Every request closes its
 * connection ({@code Connection: close} is the caller's to send), so an answer is everything read until the server
 * closes. The request is written on a thread of its own: a server that answers before reading a large body (413,
 * 431) is read while the write is still going on, instead of dead-locking or losing the answer to a reset.
 */
final class RawHttp implements AutoCloseable {

    private static final int MAX_ANSWER = 8 * 1024 * 1024;

    private final InetSocketAddress server;
    private final Duration timeout;
    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-writer");
        thread.setDaemon(true);
        return thread;
    });

    RawHttp(String host, int port, Duration timeout) {
        this.server = new InetSocketAddress(host, port);
        this.timeout = timeout;
    }

    /** Sends the bytes and reads the answer; no answer at all (the server closed) is a {@link RawAnswer#NONE}. */
    RawAnswer exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            writers.execute(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException closedEarly) {
                    // The server answered (and closed) before reading everything: its answer is what counts.
                }
            });
            byte[] received = readAll(socket.getInputStream());
            return received.length == 0 ? RawAnswer.NONE : RawAnswer.parse(received);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0;) {
                received.write(buffer, 0, read);
                if (received.size() > MAX_ANSWER) {
                    throw new IOException("answer over " + MAX_ANSWER + " bytes");
                }
            }
        } catch (SocketTimeoutException silent) {
            throw new IOException("no answer within the timeout; received so far: "
                    + new String(received.toByteArray(), StandardCharsets.ISO_8859_1), silent);
        } catch (SocketException reset) {
            if (received.size() == 0) {
                return new byte[0];
            }
        }
        return received.toByteArray();
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
