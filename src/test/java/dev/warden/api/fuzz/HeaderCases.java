package dev.warden.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Headers broken one way each on an otherwise good request: Content-Type wrong, absent or repeated; Authorization in
 * every wrong form; CR, LF and NUL inside header values and names (only a raw socket can send these); one huge header
 * and very many; Idempotency-Key values the contract does not allow.
 */
final class HeaderCases {

    /** Over Warden's limit on the head (warden.http.max-header-size, 16K), under the HTTP server's hard one (64K). */
    static final int HUGE_HEADER = 24 * 1024;

    private final BaseRequests base;
    private final String validKey;

    HeaderCases(BaseRequests base, String validKey) {
        this.base = base;
        this.validKey = validKey;
    }

    List<FuzzCase> of(Contract.Operation operation) {
        List<FuzzCase> cases = new ArrayList<>();
        contentTypes(operation, cases);
        if (!operation.open()) {
            authorizations(operation, cases);
        }
        injections(operation, cases);
        sizes(operation, cases);
        if (operation.in("header").stream().anyMatch(header -> header.name().equals("Idempotency-Key"))) {
            idempotencyKeys(operation, cases);
        }
        return cases;
    }

    private void contentTypes(Contract.Operation operation, List<FuzzCase> cases) {
        byte[] body = base.exampleBytes(operation);
        String path = base.path(operation);
        cases.add(FuzzCase.of("content-type", "no Content-Type", base.request(operation, path, body, false),
                operation));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nope",
                "application/json;;;", "application/json, text/plain", "", "application/", "*/*", "json",
                "application/json\u0000", "application/problem+json", "application/merge-patch+json",
                "application/json; " + "p=v; ".repeat(500), "APPLICATION/JSON",
                "application/json; charset=\"utf-8\"")) {
            cases.add(FuzzCase.of("content-type", "Content-Type: " + type,
                    base.request(operation, path, body, false).header("Content-Type", type), operation));
        }
        cases.add(FuzzCase.of("content-type", "Content-Type twice: json and text/plain",
                base.request(operation, path, body, false).header("Content-Type", "application/json")
                        .header("Content-Type", "text/plain"),
                operation));
        cases.add(FuzzCase.of("content-type", "Content-Type twice: json and json",
                base.request(operation, path, body, false).header("Content-Type", "application/json")
                        .header("Content-Type", "application/json"),
                operation));
        for (String accept : List.of("text/html", "application/xml", "image/*", "nonsense", "application/json;q=0",
                "*/*;q=foo")) {
            cases.add(FuzzCase.of("content-type", "Accept: " + accept,
                    base.request(operation, path, body, true).header("Accept", accept), operation));
        }
    }

    private void authorizations(Contract.Operation operation, List<FuzzCase> cases) {
        byte[] body = base.exampleBytes(operation);
        String path = base.path(operation);
        List<String> refused = List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNzd29yZA==",
                "Token " + validKey, "Bearer " + validKey + " extra", "Bearer " + validKey + "x",
                "Bearer " + "x".repeat(8_000), "Bearer " + validKey.toUpperCase(), "Digest username=\"a\"",
                "Bearer=" + validKey, validKey, "Bearer ' OR '1'='1");
        for (String authorization : refused) {
            cases.add(FuzzCase.of("authorization", "Authorization: " + authorization,
                    withoutAuth(operation, path, body).header("Authorization", authorization), operation)
                    .expecting(401));
        }
        // A NUL in a header value is refused by the HTTP server's parser (400, no body) before Warden sees the key.
        cases.add(FuzzCase.of("authorization", "Authorization: Bearer NUL",
                withoutAuth(operation, path, body).header("Authorization", "Bearer \u0000"), operation)
                .expecting(400, 401));
        cases.add(FuzzCase.of("authorization", "no Authorization", withoutAuth(operation, path, body), operation)
                .expecting(401));
        cases.add(FuzzCase.of("authorization", "Authorization with bytes that are not UTF-8",
                withoutAuth(operation, path, body).header("Authorization", concat("Bearer ", new byte[] { (byte) 0xFF,
                        (byte) 0xC0, (byte) 0xAF })),
                operation).expecting(401));
        cases.add(FuzzCase.of("authorization", "Authorization twice, the valid key second",
                withoutAuth(operation, path, body).header("Authorization", "Bearer nobody")
                        .header("Authorization", "Bearer " + validKey),
                operation));
        cases.add(FuzzCase.of("authorization", "Authorization twice, the valid key first",
                withoutAuth(operation, path, body).header("Authorization", "Bearer " + validKey)
                        .header("Authorization", "Bearer nobody"),
                operation));
        cases.add(FuzzCase.of("authorization", "two spaces after the scheme (RFC 9110 allows 1*SP)",
                withoutAuth(operation, path, body).header("Authorization", "Bearer  " + validKey), operation));
        cases.add(FuzzCase.of("authorization", "lower-case scheme (RFC 9110: case-insensitive)",
                withoutAuth(operation, path, body).header("Authorization", "bearer " + validKey), operation));
    }

    private void injections(Contract.Operation operation, List<FuzzCase> cases) {
        List<String> names = new ArrayList<>(List.of("X-Request-Id", "Idempotency-Key", "Content-Type", "Accept",
                "User-Agent"));
        if (!operation.open()) {
            names.add("Authorization");
        } else {
            names.add("webhook-id");
            names.add("webhook-signature");
        }
        List<byte[]> values = List.of(ascii("a\nX-Injected: 1"), ascii("a\rX-Injected: 1"), ascii("a\r\n X-Folded: 1"),
                ascii("a\u0000b"), ascii("a\u0007\u001b[31mb"), ascii("\r\n\r\nGET /v1/providers HTTP/1.1"),
                new byte[] { 'a', (byte) 0x80, (byte) 0xFF, 'b' });
        for (String name : names) {
            for (byte[] value : values) {
                cases.add(FuzzCase.of("header-injection", name + ": " + new String(value, StandardCharsets.ISO_8859_1),
                        base.request(operation).header(name, value), operation));
            }
        }
        for (String badName : List.of("Bad Name", "Bad:Name", "", "Bad\u0000Name", "Bäd-Name", "(Bad)")) {
            cases.add(FuzzCase.of("header-injection", "header name " + badName,
                    base.request(operation).header(badName, "x"), operation));
        }
    }

    private void sizes(Contract.Operation operation, List<FuzzCase> cases) {
        cases.add(FuzzCase.of("huge-headers", "one header of " + HUGE_HEADER + " bytes",
                base.request(operation).header("X-Huge", "h".repeat(HUGE_HEADER)), operation).expecting(431));
        cases.add(FuzzCase.of("huge-headers", "one header of 1 MiB",
                base.request(operation).header("X-Huge", "h".repeat(1024 * 1024)), operation));
        RawRequest many = base.request(operation);
        for (int i = 0; i < 2_000; i++) {
            many.header("X-Many-" + i, "v");
        }
        cases.add(FuzzCase.of("huge-headers", "2,000 headers", many, operation).expecting(431));
        RawRequest repeated = base.request(operation);
        for (int i = 0; i < 1_000; i++) {
            repeated.header("X-Same", "value-" + i);
        }
        cases.add(FuzzCase.of("huge-headers", "one header repeated 1,000 times", repeated, operation));
    }

    private void idempotencyKeys(Contract.Operation operation, List<FuzzCase> cases) {
        for (String key : List.of("", " ", "k".repeat(256), "k".repeat(10_000), "\u0001key", "key with spaces",
                "ключ", "%00", "../../x")) {
            cases.add(FuzzCase.of("idempotency-key", "Idempotency-Key: " + key,
                    base.request(operation).header("Idempotency-Key", key), operation));
        }
        cases.add(FuzzCase.of("idempotency-key", "Idempotency-Key twice",
                base.request(operation).header("Idempotency-Key", "fuzz-a").header("Idempotency-Key", "fuzz-b"),
                operation));
    }

    private RawRequest withoutAuth(Contract.Operation operation, String path, byte[] body) {
        RawRequest request = new RawRequest(operation.method(), path);
        if (operation.bodySchema().isPresent()) {
            request.header("Content-Type", "application/json");
        }
        return request.body(body);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(String prefix, byte[] rest) {
        byte[] start = ascii(prefix);
        byte[] all = new byte[start.length + rest.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(rest, 0, all, start.length, rest.length);
        return all;
    }
}
