package dev.warden.api.openai;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.warden.api.generated.model.Problem;

/**
 * On {@code /openai/*}, every problem details answer (from the resource, the authentication filter, the body size
 * limit or an exception mapper) becomes OpenAI's error shape, with the same headers ({@code Retry-After},
 * {@code WWW-Authenticate}): OpenAI's SDKs read errors from that shape, and a drop-in must never answer
 * {@code application/problem+json}.
 */
public class OpenAiErrorFilter {

    static final String PATH_PREFIX = "openai/";

    @ServerResponseFilter
    public void answerInOpenAiShape(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !isOpenAiPath(request.getUriInfo().getPath())) {
            return;
        }
        response.setStatus(OpenAiErrors.status(response.getStatus()));
        response.setEntity(OpenAiErrors.of(problem), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    static boolean isOpenAiPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.startsWith(PATH_PREFIX) || relative.equals("openai");
    }
}
