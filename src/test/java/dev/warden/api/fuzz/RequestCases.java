package dev.warden.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request line broken one way each: every method on every path (the ones the contract does not give a path get
 * 405 with {@code Allow}), path parameters and query parameters with bad values and broken %-escapes, paths Warden
 * does not have, and request lines that are not HTTP.
 */
final class RequestCases {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
            "FOO", "get", "CONNECT", "PROPFIND");

    static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "%zz", "%", "%2F", "%2e%2e", "..", "%2e",
            "%C0%AF", "%FF%FE", "%E2%80%AE", "%0D%0AX-Injected:%201", "x".repeat(5_000), "'%20OR%20'1'='1",
            "%7Bid%7D", "00000000-0000-0000-0000-000000000000", "6F1C2D3E-0000-4000-8000-00000000000G",
            "%3Aretry", ":retry", "a%3Bb", "a;b=c", "%25", "%2525", "é", "\u00ff", "~", "-1", "0", "1e999999");

    static final List<String> BAD_QUERY_VALUES = List.of("", "-1", "0", "abc", "99999999999999999999", "1e3", "%zz",
            "%00", "%", "a".repeat(5_000), "[]", "{}", "'%20OR%20'1'='1", "%0D%0A", "1.5", "+5", "PT-1H", "P99999999Y",
            "2026-13-45T99:99:99Z", "null", "%C0%AF", "\u00ff");

    static final List<String> UNKNOWN_PATHS = List.of("/", "/v1", "/v1/", "/v2/moderations", "/V1/MODERATIONS",
            "/v1/moderations/", "//v1/moderations", "/v1//moderations", "/v1/moderations/../providers",
            "/v1/%2e%2e/v1/providers", "/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/dev/",
            "/openai", "/openai/v1", "/openai/v1/moderations/x", "/openai/v1/chat/completions", "/.env",
            "/WEB-INF/web.xml", "/v1/moderations%00", "/v1/moderations%2F", "/v1/moderations;jsessionid=1",
            "/v1/moderations/" + "a/".repeat(1_000), "/" + "x".repeat(3_000), "/%", "/%zz", "/%C0%AE%C0%AE/",
            "/v1/reports/x:unknown", "/v1/reports/x%3Aunknown", "/v1/reports:retry", "/v1/webhooks", "/v1/webhooks/");

    private final BaseRequests base;

    RequestCases(BaseRequests base) {
        this.base = base;
    }

    /** Every method on this path; {@code representative} is an operation on it whose key and body the cases use. */
    List<FuzzCase> methods(String template, Set<String> allowed, Contract.Operation representative) {
        List<FuzzCase> cases = new ArrayList<>();
        String path = base.fill(template, Map.of());
        for (String method : METHODS) {
            if (allowed.contains(method)) {
                continue;
            }
            RawRequest request = new RawRequest(method, path);
            base.authorize(representative, request, new byte[0]);
            FuzzCase methodCase = FuzzCase.of("method", method + " on " + template, request, null);
            if (method.equals("OPTIONS") || method.equals("HEAD") && allowed.contains("GET")) {
                cases.add(methodCase);
            } else if (template.contains(":")) {
                // {id}:retry is also {id} = "<uuid>:retry" of the sibling GET /v1/reports/{id}: a 400 for that id.
                cases.add(methodCase.expecting(400, 404, 405));
            } else {
                cases.add(methodCase.expecting(405));
            }
        }
        return cases;
    }

    List<FuzzCase> pathValues(Contract.Operation operation) {
        List<FuzzCase> cases = new ArrayList<>();
        for (Contract.Parameter parameter : operation.in("path")) {
            for (String value : BAD_PATH_VALUES) {
                String path = base.fill(operation.path(), Map.of(parameter.name(), value));
                cases.add(FuzzCase.of("path", parameter.name() + " = " + value, base.request(operation, path,
                        base.exampleBytes(operation), true), operation));
            }
        }
        return cases;
    }

    List<FuzzCase> queries(Contract.Operation operation) {
        List<FuzzCase> cases = new ArrayList<>();
        String path = base.path(operation);
        byte[] body = base.exampleBytes(operation);
        for (Contract.Parameter parameter : operation.in("query")) {
            for (String value : BAD_QUERY_VALUES) {
                cases.add(FuzzCase.of("query", parameter.name() + "=" + value,
                        base.request(operation, path + "?" + parameter.name() + "=" + value, body, true), operation));
            }
            cases.add(FuzzCase.of("query", parameter.name() + " twice",
                    base.request(operation, path + "?" + parameter.name() + "=1&" + parameter.name() + "=2", body,
                            true),
                    operation));
            cases.add(FuzzCase.of("query", parameter.name() + " without a value",
                    base.request(operation, path + "?" + parameter.name(), body, true), operation));
        }
        for (String query : List.of("?unknown=1", "?&&&", "?=", "?a=%zz", "?" + "a=1&".repeat(2_000), "?%00=%00",
                "??", "?#fragment")) {
            cases.add(FuzzCase.of("query", "query " + query, base.request(operation, path + query, body, true),
                    operation));
        }
        return cases;
    }

    List<FuzzCase> unknownPaths(Contract.Operation anyOperation) {
        List<FuzzCase> cases = new ArrayList<>();
        for (String path : UNKNOWN_PATHS) {
            for (String method : List.of("GET", "POST")) {
                RawRequest request = new RawRequest(method, path).header("Content-Type", "application/json")
                        .body("{}");
                base.authorize(anyOperation, request, new byte[0]);
                cases.add(FuzzCase.of("unknown-path", method + " " + path, request, null));
            }
        }
        return cases;
    }

    /** Requests that are not valid HTTP/1.1 at the request-line level. */
    List<FuzzCase> protocol(Contract.Operation operation) {
        String path = base.path(operation);
        List<FuzzCase> cases = new ArrayList<>();
        cases.add(protocolCase("HTTP/1.0", base.request(operation).version("HTTP/1.0")));
        cases.add(protocolCase("HTTP/9.9", base.request(operation).version("HTTP/9.9")));
        cases.add(protocolCase("version garbage", base.request(operation).version("HTTX/1.1")));
        cases.add(protocolCase("absolute-form target", base.request(operation, "http://warden.test" + path,
                base.exampleBytes(operation), true)));
        cases.add(protocolCase("target without a leading slash", base.request(operation, path.substring(1),
                base.exampleBytes(operation), true)));
        cases.add(protocolCase("asterisk-form target", new RawRequest("OPTIONS", "*")));
        cases.add(protocolCase("space in the target", new RawRequest(operation.method(), path + " x")));
        cases.add(protocolCase("raw bytes in the target", new RawRequest(operation.method(), path + "\u00ff\u00c0")));
        cases.add(protocolCase("a target of 10,000 characters", new RawRequest(operation.method(),
                path + "?q=" + "x".repeat(10_000))).expecting(414));
        cases.add(protocolCase("a target of 100,000 characters", new RawRequest(operation.method(),
                path + "?q=" + "x".repeat(100_000))));
        cases.add(protocolCase("Content-Length not a number", base.request(operation).header("Content-Length",
                "abc")));
        cases.add(protocolCase("negative Content-Length", base.request(operation).header("Content-Length", "-1")));
        cases.add(protocolCase("two different Content-Lengths", base.request(operation).header("Content-Length", "2")
                .header("Content-Length", "3")));
        cases.add(protocolCase("Content-Length and Transfer-Encoding", base.request(operation)
                .header("Transfer-Encoding", "chunked").header("Content-Length", "2")));
        cases.add(protocolCase("malformed chunked body", base.request(operation).header("Transfer-Encoding",
                "chunked").body("zz\r\nnot a chunk\r\n0\r\n\r\n")));
        cases.add(protocolCase("Transfer-Encoding nonsense", base.request(operation).header("Transfer-Encoding",
                "gzip, nonsense")));
        cases.add(protocolCase("Content-Encoding gzip, body not gzip", base.request(operation)
                .header("Content-Encoding", "gzip")));
        cases.add(protocolCase("Expect: 100-continue with a body", base.request(operation).header("Expect",
                "100-continue")));
        cases.add(protocolCase("Expect: nonsense", base.request(operation).header("Expect", "nonsense")));
        return cases;
    }

    private static FuzzCase protocolCase(String label, RawRequest request) {
        return FuzzCase.of("protocol", label, request, null);
    }
}
