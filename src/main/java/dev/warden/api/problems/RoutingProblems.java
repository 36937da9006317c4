package dev.warden.api.problems;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details written straight to a Vert.x route, for the refusals made before a request reaches the REST layer
 * (an over-long request line or head, a target no route matches): the same body {@link ProblemResponses} builds.
 */
public final class RoutingProblems {

    public static void answer(RoutingContext routing, int status, String type, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", type).put("title", title).put("status", status)
                .put("detail", detail);
        routing.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                .end(problem.encode());
    }

    private RoutingProblems() {
    }
}
