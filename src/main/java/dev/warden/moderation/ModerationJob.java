package dev.warden.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ModerationWriter;
import dev.warden.persistence.VertxContexts;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * The job of an async moderation (outbox kind {@code moderation}): runs the same classification as a sync request
 * for the stored pending moderation, storing each provider result as it arrives and reusing those an earlier
 * attempt stored, so a job resumed after a crash does not ask those providers again. It completes the moderation in
 * one statement, guarded by its status: a second attempt (a crash after completing, before the row was marked done;
 * or a lease that expired under a slow attempt) finds it completed and neither calls a vendor nor queues a second
 * callback. A moderation whose job cannot finish fails, with the reason.
 */
@ApplicationScoped
public class ModerationJob implements WorkHandler {

    public static final String KIND = "moderation";
    static final String DESTINATION = "moderation";
    static final String PAYLOAD = "{}";

    private static final AttemptResult DONE = new AttemptResult.Done(Optional.empty());

    private final ModerationRepository repository;
    private final ModerationWriter writer;
    private final PolicyCatalog policies;
    private final Classification classification;
    private final FollowUps followUps;
    private final Vertx vertx;

    ModerationJob(ModerationRepository repository, ModerationWriter writer, PolicyCatalog policies,
            Classification classification, FollowUps followUps, Vertx vertx) {
        this.repository = repository;
        this.writer = writer;
        this.policies = policies;
        this.classification = classification;
        this.followUps = followUps;
        this.vertx = vertx;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One attempt takes at most the policy's deadline plus {@link #overhead(Duration)}: each database step is
     * bounded by {@code warden.database.timeout} and the fan-out by the deadline.
     */
    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        return withModeration(item, (id, stored) -> {
            if (stored == null) {
                return Uni.createFrom().item(stop("no moderation " + id));
            }
            if (ModerationStatus.fromWireName(stored.status).isFinal()) {
                return Uni.createFrom().item(DONE);
            }
            return policies.find(stored.policy).map(policy -> complete(stored, policy))
                    .orElseGet(() -> {
                        String reason = "policy '" + stored.policy + "' is no longer configured";
                        return fail(stored, reason).replaceWith(stop(reason));
                    });
        }).onItem().ifNull().continueWith(() -> stop("the job names no moderation"));
    }

    /** The row was stopped or dead-lettered: the moderation fails with that reason, and its callback says so. */
    @Override
    public Uni<Void> abandoned(WorkItem item, String reason) {
        return withModeration(item, (id, stored) -> stored == null
                || ModerationStatus.fromWireName(stored.status).isFinal() ? Uni.createFrom().voidItem()
                        : fail(stored, reason).replaceWithVoid());
    }

    /**
     * Time an attempt may need beyond the policy's deadline: the fan-out's grace, the read of the moderation and the
     * completing statement (a result stored as it arrives holds nothing up).
     */
    public static Duration overhead(Duration databaseTimeout) {
        return FanOut.LAST_RESORT_GRACE.plus(databaseTimeout.multipliedBy(2));
    }

    private Uni<AttemptResult> complete(ModerationEntity stored, PoliciesConfig.Policy policy) {
        List<String> planned = List.of(stored.plannedProviders);
        StoredProgress progress = new StoredProgress(writer, stored.id, planned, ModerationRecords.arrived(stored));
        return classification.run(stored.id, stored.policy, policy, planned, ModerationRecords.input(stored.content),
                stored.createdAt, progress)
                .chain(completed -> writer.complete(ModerationRecords.completion(completed),
                        followUps.ofCompleted(stored, completed, policy)))
                .replaceWith(DONE);
    }

    private Uni<Boolean> fail(ModerationEntity stored, String reason) {
        Moderation failed = ModerationRecords.fromEntity(stored).failed(reason, Classification.now());
        return writer.fail(stored.id, reason, failed.completedAt(), followUps.ofFailed(stored, failed));
    }

    /**
     * Reads the job's moderation (null when there is none) and works on it, on a context of the job's own: the
     * worker's thread may carry no context, or one shared with other jobs. Null when the row names no moderation.
     */
    private <T> Uni<T> withModeration(WorkItem item, ModerationWork<T> work) {
        return item.subjectId().map(id -> Uni.createFrom().deferred(() -> repository.findWithOutcomes(id)
                .chain(stored -> work.apply(id, stored)))
                .runSubscriptionOn(VertxContexts.isolated(vertx)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static AttemptResult stop(String error) {
        return new AttemptResult.Stop(Optional.empty(), error);
    }

    @FunctionalInterface
    private interface ModerationWork<T> {
        Uni<T> apply(UUID id, ModerationEntity stored);
    }
}
