package dev.warden.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A vendor that accepts connections, reads requests and never answers: what a hung vendor looks like on the wire. It
 * counts requests it received and connections the client closed, which a mock at the HTTP level cannot show.
 */
final class StalledVendor implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();

    StalledVendor() {
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "stalled-vendor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    int closedByClient() {
        return closedByClient.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread reader = new Thread(() -> read(connection), "stalled-vendor-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Counts each request by its end of headers; the bodies here are small and sent with the headers. */
    private void read(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            StringBuilder seen = new StringBuilder();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                int end;
                while ((end = seen.indexOf("\r\n\r\n")) >= 0) {
                    requests.incrementAndGet();
                    seen.delete(0, end + 4);
                }
            }
            closedByClient.incrementAndGet();
        } catch (IOException reset) {
            closedByClient.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
