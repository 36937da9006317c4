package dev.warden.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ModerationWriter;
import dev.warden.persistence.ProviderOutcomeEntity;
import dev.warden.persistence.QueuedWork;
import dev.warden.persistence.VendorJobs;
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
 * <p>
 * When a vendor accepted a job and answers by callback, the job leaves the moderation pending instead: it stores
 * every result so far and queues the moderation's {@code vendor-deadline} row, due at the policy's
 * {@code async-deadline}, in one statement; the callbacks ({@link VendorCallbackHandler}) or that deadline
 * ({@link VendorDeadlines}) complete it.
 */
@ApplicationScoped
public class ModerationJob implements WorkHandler {

    public static final String KIND = "moderation";
    static final String DESTINATION = "moderation";
    static final String PAYLOAD = "{}";


    private final ModerationRepository repository;
    private final ModerationWriter writer;
    private final PolicyCatalog policies;
    private final Classification classification;
    private final FollowUps followUps;
    private final Vertx vertx;
    private final VendorCallbackUrls callbackUrls;
    private final VendorJobs vendorJobs;
    private final WaitingModerations waiting;

    ModerationJob(ModerationRepository repository, ModerationWriter writer, PolicyCatalog policies,
            Classification classification, FollowUps followUps, Vertx vertx, VendorCallbackUrls callbackUrls,
            VendorJobs vendorJobs, WaitingModerations waiting) {
        this.repository = repository;
        this.writer = writer;
        this.policies = policies;
        this.classification = classification;
        this.followUps = followUps;
        this.vertx = vertx;
        this.callbackUrls = callbackUrls;
        this.vendorJobs = vendorJobs;
        this.waiting = waiting;
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
                return Uni.createFrom().item(AttemptResult.stop("no moderation " + id));
            }
            if (ModerationStatus.fromWireName(stored.status).isFinal()) {
                return Uni.createFrom().item(AttemptResult.done());
            }
            return policies.find(stored.policy).map(policy -> complete(stored, policy))
                    .orElseGet(() -> {
                        String reason = "policy '" + stored.policy + "' is no longer configured";
                        return waiting.fail(stored, reason).replaceWith(AttemptResult.stop(reason));
                    });
        }).onItem().ifNull().continueWith(() -> AttemptResult.stop("the job names no moderation"));
    }

    /** The row was stopped or dead-lettered: the moderation fails with that reason, and its callback says so. */
    @Override
    public Uni<Void> abandoned(WorkItem item, String reason) {
        return waiting.abandoned(item, reason);
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
        Instant callbackDeadline = Classification.now().plus(policy.asyncDeadline());
        StoredProgress progress = new StoredProgress(writer, stored.id, planned, ModerationRecords.arrived(stored),
                callbackUrls, callbackDeadline);
        return classification.run(stored.id, stored.policy, policy, planned, ModerationRecords.input(stored.content),
                stored.createdAt, progress)
                .chain(decided -> decided.status() == ModerationStatus.PENDING
                        ? awaitCallbacks(decided, callbackDeadline)
                        : writer.complete(ModerationRecords.completion(decided),
                                followUps.ofCompleted(stored, decided, policy)))
                .replaceWith(AttemptResult.done());
    }

    /**
     * Stores every result and the deadline row in one statement; then completes the moderation if the callbacks
     * all arrived meanwhile (each found a result of this job still missing, and left completing to it).
     */
    private Uni<Boolean> awaitCallbacks(Moderation decided, Instant callbackDeadline) {
        List<ProviderOutcomeEntity> outcomes = new ArrayList<>();
        for (int position = 0; position < decided.providers().size(); position++) {
            outcomes.add(ModerationRecords.toEntity(decided.providers().get(position), position, null));
        }
        QueuedWork deadline = new QueuedWork(deadlineRowId(decided.id()), VendorDeadlines.KIND,
                VendorDeadlines.DESTINATION, PAYLOAD);
        return vendorJobs.await(decided.id(), outcomes, deadline, callbackDeadline)
                .chain(() -> waiting.completeIfAnswered(decided.id()));
    }

    /** One deadline row per moderation, whichever attempt of its job queues it. */
    static UUID deadlineRowId(UUID moderationId) {
        return UUID.nameUUIDFromBytes((VendorDeadlines.KIND + ":" + moderationId).getBytes(StandardCharsets.UTF_8));
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

    @FunctionalInterface
    private interface ModerationWork<T> {
        Uni<T> apply(UUID id, ModerationEntity stored);
    }
}
