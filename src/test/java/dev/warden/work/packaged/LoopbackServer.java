package dev.warden.work.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 and a free port, one thread per request so that held requests (see {@link Gate}) do
 * not hold up the others.
 */
final class LoopbackServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    LoopbackServer(String path, HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, handler);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://" + HOST + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
