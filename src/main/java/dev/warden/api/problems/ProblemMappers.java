package dev.warden.api.problems;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;

import dev.warden.moderation.IdempotencyConflictException;
import dev.warden.moderation.IdempotencyInFlightException;
import dev.warden.moderation.PolicyNotAllowedException;
import dev.warden.persistence.DatabaseTimeoutException;
import dev.warden.persistence.SqlStates;

/**
 * Turns every failure into problem details: bad input into a precise 4xx naming the field, an unreachable or
 * stalled database into 503 (nothing was stored; the caller may retry), anything else into a 500 that carries an
 * error id and never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * PostgreSQL refusing a character of a value: {@code \u0000} in JSON (22P05) or a NUL byte in text (22021). Only
     * the caller's input carries such characters; nothing was stored (the statement failed).
     */
    private static final Set<String> UNSTORABLE_CHARACTERS = Set.of("22P05", "22021");
    /** How RESTEasy Reactive words a header it cannot read as a media type (it throws IllegalArgumentException). */
    private static final String UNPARSEABLE_MEDIA_TYPE = "Failed to parse media type";

    /** A database that did not answer may well not answer for as long again: retry after one more wait. */
    @ConfigProperty(name = "warden.database.timeout")
    Duration databaseTimeout;

    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        return ProblemResponses.of(problem);
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException conflict) {
        return ProblemResponses.of(422, ProblemTypes.IDEMPOTENCY_CONFLICT, "Idempotency-Key reused",
                conflict.getMessage() + "; use a new key for a new request",
                List.of(new FieldProblem("Idempotency-Key", "already used with a different request")));
    }

    @ServerExceptionMapper
    public Response policyNotAllowed(PolicyNotAllowedException refused) {
        return ProblemResponses.of(403, ProblemTypes.POLICY_NOT_ALLOWED, "Policy not allowed", refused.getMessage(),
                List.of(new FieldProblem("policy", "not one of this client's policies")));
    }

    @ServerExceptionMapper
    public Response idempotencyInFlight(IdempotencyInFlightException inFlight) {
        return ProblemResponses.withRetryAfter(ProblemResponses.of(409, ProblemTypes.IDEMPOTENCY_IN_FLIGHT,
                "Idempotency-Key in use", inFlight.getMessage() + "; retry to get its answer"),
                inFlight.retryAfter());
    }

    @ServerExceptionMapper
    public Response databaseTimeout(DatabaseTimeoutException timedOut) {
        LOG.warnf("Database timeout: %s (%s)", timedOut.getMessage(),
                timedOut.getCause() == null ? "no answer" : timedOut.getCause().toString());
        return unavailable("The database did not answer in time. Retry later; a retry with the same "
                + "Idempotency-Key never stores a second answer.");
    }

    /** Quarkus maps this one itself (as plain JSON); a more urgent priority keeps the answer problem+json. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException failure) {
        return unreadableJson(failure);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException failure) {
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && !isMalformed(failure)) {
            return ProblemResponses.of(ProblemException.invalid(List.of(new FieldProblem(
                    JsonPaths.of(mapping.getPath()), messageFor(mapping)))));
        }
        JsonLocation location = failure.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ProblemResponses.of(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                "The body is not valid JSON" + where);
    }

    /** Names the methods of a path for the {@code Allow} of a 405. */
    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response http(WebApplicationException failure, UriInfo request) {
        if (failure.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        int status = failure.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(failure);
        }
        Response.StatusType reason = failure.getResponse().getStatusInfo();
        Response problem = ProblemResponses.of(status, status == 404 ? ProblemTypes.NOT_FOUND
                : ProblemTypes.forStatus(status), reason.getReasonPhrase(), reason.getReasonPhrase());
        if (status != 405) {
            return problem;
        }
        // A 405 must say which methods the path has (RFC 9110 §15.5.6); RESTEasy Reactive's own does not.
        String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return Response.fromResponse(problem).header(HttpHeaders.ALLOW,
                allow != null ? allow : allowedMethods.allow(request.getPath())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        if (UNSTORABLE_CHARACTERS.stream().anyMatch(state -> SqlStates.anyStartsWith(failure, state))) {
            return ProblemResponses.of(ProblemException.invalid(List.of(new FieldProblem("body",
                    "contains a character that cannot be stored (U+0000, or bytes that are not UTF-8)"))));
        }
        if (isUnparseableMediaType(failure)) {
            return ProblemResponses.of(400, ProblemTypes.forStatus(400), "Bad Request",
                    "The Accept or Content-Type header is not a valid media type");
        }
        if (isDatabaseUnavailable(failure)) {
            LOG.warnf("Database unavailable: %s", failure.toString());
            return unavailable("The database is unavailable; nothing was stored. Retry later.");
        }
        String errorId = java.util.UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure, error id %s", errorId);
        return ProblemResponses.of(500, ProblemTypes.INTERNAL, "Internal error",
                "Unexpected failure; quote error id " + errorId + " when reporting it");
    }

    private Response unavailable(String detail) {
        return ProblemResponses.withRetryAfter(
                ProblemResponses.of(503, ProblemTypes.UNAVAILABLE, "Service unavailable", detail), databaseTimeout);
    }

    /** Broken syntax (as opposed to valid JSON of the wrong shape), wherever Jackson noticed it. */
    private static boolean isMalformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException
                    || String.valueOf(cause.getMessage()).startsWith("Unexpected end-of-input")) {
                return true;
            }
        }
        return false;
    }

    private static String messageFor(JsonMappingException failure) {
        if (failure instanceof MismatchedInputException mismatch && mismatch.getMessage() != null
                && mismatch.getMessage().startsWith("Missing required creator property")) {
            return "is required";
        }
        Class<?> target = targetType(failure);
        if (target != null && target.isEnum()) {
            return "must be one of: " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (target != null) {
            return "must be " + describe(target);
        }
        return "has the wrong type";
    }

    private static Class<?> targetType(JsonMappingException failure) {
        if (failure instanceof InvalidFormatException format) {
            return format.getTargetType();
        }
        if (failure instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
            return instantiation.getType().getRawClass();
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "a boolean";
        }
        return "an object";
    }

    private static boolean isUnparseableMediaType(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException
                    && String.valueOf(cause.getMessage()).startsWith(UNPARSEABLE_MEDIA_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** Unreachable, shutting down or restarting (SQLSTATE class 57P), through either database client. */
    private static boolean isDatabaseUnavailable(Throwable failure) {
        if (SqlStates.anyStartsWith(failure, "57P")) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                    || (cause instanceof VertxException && String.valueOf(cause.getMessage()).contains("Connection"))) {
                return true;
            }
        }
        return false;
    }
}
