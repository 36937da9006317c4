package dev.warden.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ModerationRepository;
import dev.warden.persistence.QueuedWork;
import dev.warden.persistence.ReviewEntity;
import dev.warden.persistence.ReviewRepository;
import dev.warden.persistence.ReviewWriter;
import dev.warden.persistence.VertxContexts;
import dev.warden.spi.Category;

/**
 * Applies a review desk's decision to its moderation, once: one statement completes the review (only while it is
 * {@code requested}: a second or concurrent answer changes nothing) and queues the reports its policy files for a
 * reviewer's block and the caller's {@code moderation.updated} callback, whose data is the moderation as GET shows it afterwards. Processing the same
 * inbox event again (a crash after the update, a replay) finds its own review applied and says so.
 */
@ApplicationScoped
public class HumanReviews {

    private final ModerationRepository moderations;
    private final ReviewRepository reviews;
    private final ReviewWriter writer;
    private final CallbackEvents callbacks;
    private final PolicyCatalog policies;
    private final ReportTriggers reports;
    private final Vertx vertx;

    HumanReviews(ModerationRepository moderations, ReviewRepository reviews, ReviewWriter writer,
            CallbackEvents callbacks, PolicyCatalog policies, ReportTriggers reports, Vertx vertx) {
        this.moderations = moderations;
        this.reviews = reviews;
        this.writer = writer;
        this.callbacks = callbacks;
        this.policies = policies;
        this.reports = reports;
        this.vertx = vertx;
    }

    /** What applying a desk's decision did. */
    public enum Result {
        APPLIED,
        UNKNOWN_MODERATION,
        /** The moderation exists but no review of it was requested, from this desk or at all. */
        NOT_REQUESTED,
        ALREADY_COMPLETED
    }

    /**
     * {@code desk}: the partner that sent it; {@code inboxEventId}: the stored event it came in. Runs on a context of
     * its own: the inbox's worker thread may carry no context, or one shared with other work.
     */
    public Uni<Result> apply(String desk, HumanDecision human, UUID inboxEventId) {
        return Uni.createFrom().deferred(() -> moderations.findWithOutcomes(human.moderationId())
                .chain(stored -> stored == null ? Uni.createFrom().item(Result.UNKNOWN_MODERATION)
                        : reviews.findFor(stored.id)
                                .chain(review -> apply(desk, human, inboxEventId, stored, review))))
                .runSubscriptionOn(VertxContexts.isolated(vertx));
    }

    private Uni<Result> apply(String desk, HumanDecision human, UUID inboxEventId, ModerationEntity stored,
            ReviewEntity review) {
        if (review == null || !review.partner.equals(desk)) {
            return Uni.createFrom().item(Result.NOT_REQUESTED);
        }
        if (!Review.Status.REQUESTED.wireName().equals(review.status)) {
            return Uni.createFrom().item(completedBy(review, inboxEventId));
        }
        Instant now = Classification.now();
        Moderation requested = ModerationRecords.fromEntity(stored, review);
        Moderation updated = requested.withReview(requested.review().orElseThrow().completed(human, now));
        ReviewWriter.CompletedReview completion = new ReviewWriter.CompletedReview(stored.id,
                human.decision().wireName(), human.categories().stream().map(Category::wireName).toList(),
                human.reviewer().orElse(null), human.note().orElse(null), now, inboxEventId);
        List<QueuedWork> followUps = new ArrayList<>(policies.find(stored.policy)
                .map(policy -> reports.ofReview(updated, human, policy)).orElse(List.of()));
        callbacks.updated(stored, updated, now).ifPresent(followUps::add);
        return writer.complete(completion, followUps)
                .chain(applied -> applied ? Uni.createFrom().item(Result.APPLIED)
                        // Another answer completed it first: applied by this very event, or by another.
                        : reviews.findFor(stored.id).map(raced -> completedBy(raced, inboxEventId)));
    }

    private static Result completedBy(ReviewEntity review, UUID inboxEventId) {
        return inboxEventId.equals(review.inboxEventId) ? Result.APPLIED : Result.ALREADY_COMPLETED;
    }
}
