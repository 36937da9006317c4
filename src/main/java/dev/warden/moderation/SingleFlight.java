package dev.warden.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.persistence.IdempotencyClaim;
import dev.warden.persistence.IdempotencyClaims;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ReviewRepository;
import dev.warden.persistence.VertxContexts;

/**
 * Answers each Idempotency-Key once, however many requests carry it at the same time and on whichever replica. A
 * request first claims its key in PostgreSQL; the claimant calls the vendors and stores the answer, which resolves
 * the claim. Every other request with the key polls the claim and replays the stored answer, or gives up with
 * {@link IdempotencyInFlightException} once it has waited as long as answering itself may take. A claim whose
 * holder died (or failed: it releases its claim) can be taken by the next request.
 */
@ApplicationScoped
class SingleFlight {

    private static final Logger LOG = Logger.getLogger(SingleFlight.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Polls start fast (a replay is usually a few milliseconds away) and back off to a small bounded interval. */
    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration MAX_POLL = Duration.ofMillis(100);

    private final IdempotencyClaims claims;
    private final ModerationRepository repository;
    private final ReviewRepository reviews;
    private final Duration databaseTimeout;

    SingleFlight(IdempotencyClaims claims, ModerationRepository repository, ReviewRepository reviews,
            DatabaseCalls calls) {
        this.claims = claims;
        this.repository = repository;
        this.reviews = reviews;
        this.databaseTimeout = calls.timeout();
    }

    /**
     * @param deadline how long answering may take before its one insert: the policy's deadline for a sync request,
     *        zero for an async one (it is only stored)
     * @param classifyAndStore answers the request under the given moderation id and stores the answer
     */
    Uni<ModerationReply> answerOnce(ModerationCommand command, Duration deadline,
            Function<UUID, Uni<ModerationReply>> classifyAndStore) {
        return Uni.createFrom().deferred(() -> attempt(new Flight(command, UUID.randomUUID(),
                deadline.plus(databaseTimeout.multipliedBy(2)), Instant.now().plus(deadline).plus(databaseTimeout),
                VertxContexts.current(), classifyAndStore), FIRST_POLL));
    }

    private Uni<ModerationReply> attempt(Flight flight, Duration pause) {
        ModerationCommand command = flight.command();
        return claims.claim(command.client(), flight.key(), command.requestSha256(), flight.id(), flight.claimTtl())
                .chain(claim -> {
                    if (claim == null) {
                        return pollAgain(flight, pause, flight.claimTtl());
                    }
                    requireSameRequest(claim.requestSha256(), command);
                    if (claim.resolved()) {
                        return replayStored(flight);
                    }
                    return isOurs(claim, flight) ? classify(flight) : pollAgain(flight, pause, claim.expiresIn());
                });
    }

    private static boolean isOurs(IdempotencyClaim claim, Flight flight) {
        return claim.moderationId().equals(flight.id());
    }

    /**
     * A failed or abandoned answer releases the claim, so that the caller's retry is served at once rather than
     * after the claim expires. Nobody waits for the release: the caller has its answer (an error) already.
     */
    private Uni<ModerationReply> classify(Flight flight) {
        return flight.classifyAndStore().apply(flight.id())
                .onFailure(SingleFlight::isUniqueViolation).recoverWithUni(() -> replayStored(flight))
                .onTermination().invoke((reply, failure, cancelled) -> {
                    if (failure != null || cancelled) {
                        release(flight);
                    }
                });
    }

    private void release(Flight flight) {
        claims.release(flight.command().client(), flight.key(), flight.id()).subscribe().with(released -> {
        }, failure -> LOG.warnf("An Idempotency-Key claim stays until it expires: %s", failure.getMessage()));
    }

    private Uni<ModerationReply> pollAgain(Flight flight, Duration pause, Duration retryAfter) {
        Duration left = Duration.between(Instant.now(), flight.giveUpAt());
        if (left.isNegative() || left.isZero()) {
            return Uni.createFrom().failure(new IdempotencyInFlightException(flight.key(), retryAfter));
        }
        Duration next = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        return Uni.createFrom().voidItem().onItem().delayIt().by(left.compareTo(pause) < 0 ? left : pause)
                .emitOn(flight.requestContext())
                .chain(() -> attempt(flight, next));
    }

    /** The stored answer as it is now: with its review, when the policy sent it to a desk. */
    private Uni<ModerationReply> replayStored(Flight flight) {
        return repository.findByIdempotencyKey(flight.command().client(), flight.key())
                .invoke(stored -> requireSameRequest(stored.requestSha256, flight.command()))
                .chain(stored -> reviews.findFor(stored.id)
                        .map(review -> new ModerationReply(ModerationRecords.fromEntity(stored, review), true)));
    }

    private static void requireSameRequest(String requestSha256, ModerationCommand command) {
        if (!requestSha256.equals(command.requestSha256())) {
            throw new IdempotencyConflictException(command.idempotencyKey().orElseThrow());
        }
    }

    /** Only a keyed insert can break a unique constraint: another request stored this key's answer first. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One keyed request. It waits for another holder until {@code giveUpAt}: deadline + database timeout after it
     * began, the bound on answering itself. Its claim lives {@code claimTtl}: deadline + 2 × database timeout after
     * it was taken, as the holder needs the deadline and one bounded insert, and the second timeout keeps a slow but
     * live holder from being taken over.
     */
    private record Flight(ModerationCommand command, UUID id, Duration claimTtl, Instant giveUpAt,
            Executor requestContext, Function<UUID, Uni<ModerationReply>> classifyAndStore) {

        String key() {
            return command.idempotencyKey().orElseThrow();
        }
    }
}
