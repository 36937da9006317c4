package dev.warden.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A receiver on loopback that answers one request with a status line and then a body that never ends, as a hostile
 * receiver would, until the caller drops the connection; it records that moment and how much it managed to write.
 */
final class EndlessReceiver implements AutoCloseable {

    private static final byte[] CHUNK = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final CountDownLatch dropped = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();

    /** {@code head}: the status line and headers, e.g. {@code "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"}. */
    EndlessReceiver(String head, boolean chunked) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(head, chunked), "endless-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    CountDownLatch dropped() {
        return dropped;
    }

    long written() {
        return written.get();
    }

    private void serve(String head, boolean chunked) {
        try (Socket socket = server.accept()) {
            readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] raw = "x".repeat(0x2000).getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunked ? CHUNK : raw);
                out.flush();
                written.addAndGet(CHUNK.length);
            }
        } catch (IOException droppedByTheCaller) {
            dropped.countDown();
        }
    }

    /** Up to the blank line; the body that follows is not needed. */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("request ended early");
            }
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
