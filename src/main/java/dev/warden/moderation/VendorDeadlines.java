package dev.warden.moderation;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.persistence.VendorJobs;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * The deadline of an async moderation waiting for vendors that answer by callback (outbox kind
 * {@code vendor-deadline}, due at the policy's {@code async-deadline}): every vendor job still waiting ends
 * {@code timeout}, and the moderation completes with the results it has. A callback that arrives afterwards finds its
 * job timed out and is kept as a late answer. Idempotent: a second run finds nothing waiting, and a completed
 * moderation is not completed again.
 */
@ApplicationScoped
public class VendorDeadlines implements WorkHandler {

    public static final String KIND = "vendor-deadline";
    static final String DESTINATION = KIND;

    private final VendorJobs jobs;
    private final WaitingModerations waiting;

    VendorDeadlines(VendorJobs jobs, WaitingModerations waiting) {
        this.jobs = jobs;
        this.waiting = waiting;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        return item.subjectId().map(id -> jobs.timeOut(id).chain(() -> waiting.completeIfAnswered(id))
                .replaceWith(AttemptResult.done()))
                .orElseGet(() -> Uni.createFrom().item(AttemptResult.stop("the deadline names no moderation")));
    }

    /** The deadline could not be applied (stopped, or dead-lettered): the moderation fails with that reason. */
    @Override
    public Uni<Void> abandoned(WorkItem item, String reason) {
        return waiting.abandoned(item, reason);
    }
}
