package dev.warden.bench.loadgen.backbone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sink against the Standard Webhooks test vector (vendor-apis.md §7.4), with the row id as the message id. */
class CallbackSinkTest {

    private static final String SECRET = "whsec_Z2F0ZXdheS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";
    private static final UUID ROW = UUID.fromString("0b6e2a52-7d1c-4c47-9c55-0f5cbbd0f8a1");
    private static final String BODY = "{\"type\":\"moderation.completed\",\"timestamp\":\"2023-01-19T00:13:51Z\","
            + "\"data\":{\"id\":\"job_123\",\"verdict\":\"flag\"}}";
    private static final String TIMESTAMP = "1674087231";
    /** HMAC-SHA256 of "msg_<ROW>.1674087231.<BODY>" with the test vector's key (computed with openssl dgst). */
    private static final String SIGNATURE = "v1,U/T9BHI249Obm9JrVe8BtIpbbtAVFL2gRQIETVc+kyo=";

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;
    private CallbackSink sink;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        sink = new CallbackSink(port, SECRET);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void aSignedCallbackIsReceivedOnceAndARepeatIsCounted() throws Exception {
        assertEquals(204, post(SIGNATURE));
        Long first = sink.receivedAt(ROW);
        assertEquals(204, post("v1a,ignored " + SIGNATURE));

        assertNotNull(first);
        assertEquals(first, sink.receivedAt(ROW));
        assertEquals(1, sink.received(List.of(ROW, UUID.randomUUID())));
        assertEquals(1, sink.repeated());
        assertEquals(0, sink.unverified());
    }

    @Test
    void aCallbackThatDoesNotVerifyIsRefusedAndNotReceived() throws Exception {
        assertEquals(401, post("v1,4O3x8erJwlKOaYJx3nl0YnnX+BQ0cfuOqCDEQP/ppzM="));

        assertNull(sink.receivedAt(ROW));
        assertEquals(1, sink.unverified());
    }

    private int post(String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/callbacks"))
                .header("webhook-id", "msg_" + ROW).header("webhook-timestamp", TIMESTAMP)
                .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
