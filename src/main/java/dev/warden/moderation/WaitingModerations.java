package dev.warden.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.ModerationWriter;
import dev.warden.persistence.VertxContexts;
import dev.warden.work.WorkItem;

/**
 * Completes an async moderation that waited for vendors answering by callback, once every planned provider has a
 * stored result and none is pending: with the same decision code as a moderation decided at once, through the same
 * guarded completion (which queues its follow-ups: a review request, the caller's callback). Asked after each
 * change that may have been the last one (the job leaving the moderation waiting, a callback applied, the deadline
 * passing): whichever reads last after its own write sees every result, and a second completion changes nothing.
 */
@ApplicationScoped
class WaitingModerations {

    private final ModerationRepository repository;
    private final ModerationWriter writer;
    private final PolicyCatalog policies;
    private final Classification classification;
    private final FollowUps followUps;
    private final Vertx vertx;

    WaitingModerations(ModerationRepository repository, ModerationWriter writer, PolicyCatalog policies,
            Classification classification, FollowUps followUps, Vertx vertx) {
        this.repository = repository;
        this.writer = writer;
        this.policies = policies;
        this.classification = classification;
        this.followUps = followUps;
        this.vertx = vertx;
    }

    /** True when this call completed it; false when it still waits, had ended, or is gone. */
    Uni<Boolean> completeIfAnswered(UUID id) {
        return Uni.createFrom().deferred(() -> repository.findWithOutcomes(id).chain(this::completeIfAnswered))
                .runSubscriptionOn(VertxContexts.isolated(vertx));
    }

    private Uni<Boolean> completeIfAnswered(ModerationEntity stored) {
        if (stored == null || ModerationStatus.fromWireName(stored.status).isFinal()
                || stored.plannedProviders == null) {
            return Uni.createFrom().item(false);
        }
        Map<Integer, ProviderResult> arrived = ModerationRecords.arrived(stored);
        List<ProviderResult> results = new ArrayList<>();
        for (int position = 0; position < stored.plannedProviders.length; position++) {
            ProviderResult result = arrived.get(position);
            if (result == null || result.outcome() == Outcome.PENDING) {
                return Uni.createFrom().item(false);
            }
            results.add(result);
        }
        return policies.find(stored.policy).map(policy -> {
            Moderation completed = classification.decideStored(stored.id, stored.policy, policy,
                    List.of(stored.plannedProviders), ModerationRecords.input(stored.content), stored.createdAt,
                    results);
            return writer.complete(ModerationRecords.completion(completed),
                    followUps.ofCompleted(stored, completed, policy));
        }).orElseGet(() -> fail(stored, "policy '" + stored.policy + "' is no longer configured").replaceWith(false));
    }

    /**
     * The work on a moderation (its job, its vendors' deadline) was abandoned: stopped, or dead-lettered. The
     * moderation fails with that reason if it is still pending.
     */
    Uni<Void> abandoned(WorkItem item, String reason) {
        return item.subjectId().map(id -> Uni.createFrom().deferred(() -> repository.findWithOutcomes(id)
                .chain(stored -> stored == null || ModerationStatus.fromWireName(stored.status).isFinal()
                        ? Uni.createFrom().voidItem()
                        : fail(stored, reason).replaceWithVoid()))
                .runSubscriptionOn(VertxContexts.isolated(vertx)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Fails a pending moderation with the reason; its callback, if any, says so. */
    Uni<Boolean> fail(ModerationEntity stored, String reason) {
        Moderation failed = ModerationRecords.fromEntity(stored).failed(reason, Classification.now());
        return writer.fail(stored.id, reason, failed.completedAt(), followUps.ofFailed(stored, failed));
    }
}
