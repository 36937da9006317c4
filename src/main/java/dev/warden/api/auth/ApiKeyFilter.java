package dev.warden.api.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import dev.warden.api.problems.ProblemResponses;
import dev.warden.api.problems.ProblemTypes;

/**
 * {@code Authorization: Bearer <api key>} on every API resource, then the resource's {@link RequiresScope}; the only
 * exception is a method marked {@link SignedByPartner}, which its partner's signature authenticates instead. An
 * authenticated client over its rate limit ({@link ClientRateLimits}) gets 429 with {@code Retry-After}.
 */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    /** Scopes per resource method, looked up by reflection once. */
    private static final Map<ResourceMethod, Optional<RequiresScope>> SCOPES = new ConcurrentHashMap<>();
    /** Whether a resource method is signed by a partner instead, looked up by reflection once. */
    private static final Map<ResourceMethod, Boolean> SIGNED = new ConcurrentHashMap<>();

    private final ApiKeys apiKeys;
    private final CallerHolder caller;
    private final ClientRateLimits rateLimits;

    ApiKeyFilter(ApiKeys apiKeys, CallerHolder caller, ClientRateLimits rateLimits) {
        this.apiKeys = apiKeys;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (SIGNED.computeIfAbsent(ResourceMethod.of(resource), ignored -> signedByPartner(resource))) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            return Optional.of(unauthorized("Send 'Authorization: Bearer <api key>'"));
        }
        Optional<Client> client = apiKeys.authenticate(header.substring(BEARER.length()).trim());
        if (client.isEmpty()) {
            return Optional.of(unauthorized("Unknown API key"));
        }
        RequiresScope required = requiredScope(resource);
        if (required != null && Arrays.stream(required.value()).noneMatch(client.get().scopes()::contains)) {
            String needed = Arrays.stream(required.value()).map(Scope::wireName).collect(Collectors.joining("' or '"));
            return Optional.of(ProblemResponses.of(403, ProblemTypes.FORBIDDEN, "Forbidden",
                    "This operation needs scope '" + needed + "'"));
        }
        Optional<Duration> wait = rateLimits.admit(client.get().name());
        if (wait.isPresent()) {
            return Optional.of(ProblemResponses.withRetryAfter(ProblemResponses.of(429, ProblemTypes.RATE_LIMITED,
                    "Too many requests", "This client's rate limit (warden.clients." + client.get().name()
                            + ".rate-limit.per-second) is used up; retry after the time in Retry-After"),
                    wait.get()));
        }
        caller.set(client.get());
        return Optional.empty();
    }

    private RequiresScope requiredScope(SimpleResourceInfo resource) {
        return SCOPES.computeIfAbsent(ResourceMethod.of(resource),
                ignored -> Optional.ofNullable(lookUpScope(resource))).orElse(null);
    }

    private record ResourceMethod(Class<?> type, String name, List<Class<?>> parameters) {

        static ResourceMethod of(SimpleResourceInfo resource) {
            return new ResourceMethod(resource.getResourceClass(), resource.getMethodName(),
                    Arrays.asList(resource.parameterTypes()));
        }
    }

    /** Only the implementing method's own annotation counts: nothing inherited, nothing on a class. */
    private static boolean signedByPartner(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(SignedByPartner.class);
        } catch (NoSuchMethodException inheritedOnly) {
            return false;
        }
    }

    private static RequiresScope lookUpScope(SimpleResourceInfo resource) {
        try {
            RequiresScope onMethod = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getAnnotation(RequiresScope.class);
            if (onMethod != null) {
                return onMethod;
            }
        } catch (NoSuchMethodException inheritedOnly) {
            // Declared only on the generated interface: the class-level scope applies.
        }
        return resource.getResourceClass().getAnnotation(RequiresScope.class);
    }

    private static Response unauthorized(String detail) {
        Response problem = ProblemResponses.of(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"warden\"").build();
    }
}
