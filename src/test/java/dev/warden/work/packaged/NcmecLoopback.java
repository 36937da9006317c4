package dev.warden.work.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * A CyberTipline ({@code ispws}, partners.md §1.2, §1.5) on loopback for packaged tests, that also serves the evidence
 * files a CyberTip names ({@code /evidence/<name>}, over http from 127.0.0.1). It opens report ids from 7,000,001 on,
 * answers each upload with the file's own id and MD5, journals every call in arrival order (also those still held),
 * and holds the uploads of one evidence file at its {@link Gate} while told to: Warden has that upload in flight
 * when the test kills it. Calls without the test credentials get an empty 401.
 */
final class NcmecLoopback implements AutoCloseable {

    static final String USERNAME = "usr";
    static final String PASSWORD = "pwd";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** {@code id=<n>} of an urlencoded form, or the value of a multipart part named {@code id}. */
    private static final Pattern FORM_ID = Pattern
            .compile("(?:^|&)id=(\\d+)|name=\"id\"\\r?\\n(?:[^\\r\\n]*\\r?\\n)*?\\r?\\n(\\d+)");
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    /** One call as it arrived: the step ({@code submit}, {@code upload}...), the evidence file it carried, its body. */
    record Call(String step, String file, String body) {
    }

    /** One evidence file: its name, bytes and the fileId NCMEC answers for it. */
    record Evidence(String name, byte[] bytes, String fileId) {

        String sha256() {
            return hex("SHA-256", bytes);
        }

        String md5() {
            return hex("MD5", bytes);
        }
    }

    private final List<Evidence> evidence;
    private final Gate gate = new Gate();
    private volatile String heldFile = "";
    private final AtomicLong reportIds = new AtomicLong(7_000_000);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final LoopbackServer server;

    NcmecLoopback(List<Evidence> evidence) {
        this.evidence = List.copyOf(evidence);
        this.server = new LoopbackServer("/", this::handle);
    }

    /** What {@code warden.partners.<id>.base-url} is set to. */
    String baseUrl() {
        return server.baseUrl() + "/ispws";
    }

    /** Where an evidence file is served. */
    String evidenceUrl(Evidence file) {
        return server.baseUrl() + "/evidence/" + file.name();
    }

    /** From now on, uploads of {@code file} wait at the gate. */
    Gate holdUploadsOf(Evidence file) {
        heldFile = file.name();
        gate.hold();
        return gate;
    }

    /** Every call of the web service so far, in arrival order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/evidence/")) {
                String name = path.substring("/evidence/".length());
                Evidence file = evidence.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
                if (file == null) {
                    respond(exchange, 404, "text/plain", new byte[0]);
                } else {
                    respond(exchange, 200, "application/octet-stream", file.bytes());
                }
                return;
            }
            if (!path.startsWith("/ispws/")) {
                respond(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            String step = path.substring("/ispws/".length());
            if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"ESP Web Services\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Evidence uploaded = step.equals("upload") ? carried(body) : null;
            calls.add(new Call(step, uploaded == null ? null : uploaded.name(),
                    new String(body, StandardCharsets.UTF_8)));
            if (uploaded != null && uploaded.name().equals(heldFile)) {
                gate.pass();
            }
            respond(exchange, 200, "application/xml;charset=ISO-8859-1",
                    answer(step, body, uploaded).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String answer(String step, byte[] body, Evidence uploaded) {
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (step) {
            case "submit" -> ok("<reportId>" + reportIds.incrementAndGet() + "</reportId>");
            case "upload" -> uploaded == null ? response(4200, "Malformed file submittal", "")
                    : ok("<reportId>" + formId(text) + "</reportId><fileId>" + uploaded.fileId() + "</fileId><hash>"
                            + uploaded.md5() + "</hash>");
            case "fileinfo", "retract" -> ok("");
            case "finish" -> {
                StringBuilder files = new StringBuilder();
                evidence.forEach(file -> files.append("<fileId>").append(file.fileId()).append("</fileId>"));
                yield PROLOG + "<reportDoneResponse><responseCode>0</responseCode><reportId>" + formId(text)
                        + "</reportId><files>" + files + "</files></reportDoneResponse>";
            }
            default -> response(4000, "Invalid request", "");
        };
    }

    /** The evidence file whose bytes a multipart upload carries. */
    private Evidence carried(byte[] body) {
        return evidence.stream().filter(file -> indexOf(body, file.bytes()) >= 0).findFirst().orElse(null);
    }

    /** The report id of a form ({@code id=...}, urlencoded or multipart), or of a body naming it. */
    static String formId(String body) {
        Matcher matcher = FORM_ID.matcher(body);
        if (!matcher.find()) {
            return "";
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String ok(String more) {
        return response(0, "Success", more);
    }

    private static String response(int code, String description, String more) {
        return PROLOG + "<reportResponse><responseCode>" + code + "</responseCode><responseDescription>" + description
                + "</responseDescription>" + more + "</reportResponse>";
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Request-ID", "req-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gate.release();
        server.close();
    }
}
