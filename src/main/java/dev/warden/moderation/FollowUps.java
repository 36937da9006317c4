package dev.warden.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.QueuedWork;

/**
 * What an async moderation's end queues with it, in the same statement: its review request (a {@code review}
 * decision under a policy with a desk), the reports its policy files, then its callback, whose data already shows
 * the review requested.
 */
@ApplicationScoped
class FollowUps {

    private final ReviewRequests reviews;
    private final CallbackEvents callbacks;
    private final ReportTriggers reports;

    FollowUps(ReviewRequests reviews, CallbackEvents callbacks, ReportTriggers reports) {
        this.reviews = reviews;
        this.callbacks = callbacks;
        this.reports = reports;
    }

    List<QueuedWork> ofCompleted(ModerationEntity stored, Moderation completed, PoliciesConfig.Policy policy) {
        Optional<ReviewRequests.Requested> review = reviews.of(completed, policy, stored.content, stored.context);
        List<QueuedWork> followUps = new ArrayList<>();
        review.ifPresent(requested -> followUps.add(requested.work()));
        followUps.addAll(reports.ofDecision(completed, policy, stored.content));
        callbacks.completed(stored, review.map(ReviewRequests.Requested::moderation).orElse(completed))
                .ifPresent(followUps::add);
        return followUps;
    }

    List<QueuedWork> ofFailed(ModerationEntity stored, Moderation failed) {
        return callbacks.completed(stored, failed).stream().toList();
    }
}
