package dev.warden.api.problems;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals written straight to a Vert.x route, for what is refused before a request reaches the REST layer (an
 * over-long request line or head, a target no route takes): problem details, the same body {@link ProblemResponses}
 * builds; under {@code /openai/}, the drop-in endpoint's callers get OpenAI's error shape instead, as its SDKs parse.
 */
public final class RoutingProblems {

    private static final String OPENAI_PREFIX = "/openai/";

    public static void answer(RoutingContext routing, int status, String type, String title, String detail) {
        String path = routing.request().path();
        if (path != null && path.startsWith(OPENAI_PREFIX)) {
            JsonObject error = new JsonObject().put("message", detail).put("type", "invalid_request_error")
                    .putNull("param").putNull("code");
            routing.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", error).encode());
            return;
        }
        JsonObject problem = new JsonObject().put("type", type).put("title", title).put("status", status)
                .put("detail", detail);
        routing.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                .end(problem.encode());
    }

    private RoutingProblems() {
    }
}
