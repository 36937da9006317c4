package dev.warden.work.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * An OpenAI moderation endpoint on loopback that answers the adapter's "clean" fixture, and holds every call while
 * told to (see {@link Gate}): a vendor slow enough that async moderations are still pending when Warden is killed.
 */
final class SlowVendor implements AutoCloseable {

    private static final String PATH = "/v1/moderations";
    private static final byte[] CLEAN = fixture("/openai/clean.json");

    private final Gate gate = new Gate();
    private final LoopbackServer server;

    SlowVendor() {
        this.server = new LoopbackServer(PATH, this::handle);
    }

    /** What {@code warden.providers.<id>.base-url} is set to. */
    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** Where calls wait, before they are answered, while it holds. */
    Gate gate() {
        return gate;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            gate.pass();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, CLEAN.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CLEAN);
            }
        }
    }

    private static byte[] fixture(String name) {
        try (InputStream in = SlowVendor.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gate.release();
        server.close();
    }
}
