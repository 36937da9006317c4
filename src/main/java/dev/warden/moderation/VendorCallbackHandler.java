package dev.warden.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.warden.persistence.VendorJob;
import dev.warden.persistence.VendorJobs;
import dev.warden.providers.Provider;
import dev.warden.providers.ProviderRegistry;
import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboxEvent;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.WebhookEventHandler;

/**
 * Applies a vendor's verified, stored callback: its adapter reads the body ({@code parseCallback}), the answer
 * becomes the provider's result of the waiting job, once (guarded by the job's state), and the moderation completes
 * when it was the last one awaited. A callback whose job's deadline passed first is kept as the provider's late
 * answer and refused; the decision made without it stands. A body the adapter cannot read is invalid (the event
 * fails, replayable) and the moderation completes at its deadline. Idempotent: a second run of an applied event
 * finds the job answered and only completes the moderation if that was left undone.
 */
@ApplicationScoped
class VendorCallbackHandler implements WebhookEventHandler {

    private static final Logger LOG = Logger.getLogger(VendorCallbackHandler.class);

    private final VendorJobs jobs;
    private final ProviderRegistry registry;
    private final WaitingModerations waiting;

    VendorCallbackHandler(VendorJobs jobs, ProviderRegistry registry, WaitingModerations waiting) {
        this.jobs = jobs;
        this.registry = registry;
        this.waiting = waiting;
    }

    @Override
    public Uni<EventOutcome> handle(InboxEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.eventId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(EventOutcome.invalid("the event id is no vendor job id"));
        }
        return jobs.find(id).chain(found -> found
                .map(job -> handle(job, event))
                .orElseGet(() -> Uni.createFrom().item(EventOutcome.invalid("no vendor job " + id))));
    }

    private Uni<EventOutcome> handle(VendorJob job, InboxEvent event) {
        Optional<Provider> provider = registry.find(job.provider());
        if (provider.isEmpty()) {
            return Uni.createFrom().item(EventOutcome.refused("provider '" + job.provider()
                    + "' is no longer configured"));
        }
        ProviderResult answer;
        try {
            answer = read(provider.get(), event.body().getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableCallback unreadable) {
            return Uni.createFrom().item(EventOutcome.invalid(unreadable.getMessage()));
        }
        return jobs.answer(job.id(), ModerationRecords.toEntity(answer, job.position(), null))
                .chain(applied -> applied ? completed(job) : notApplied(job, answer, event.receivedAt()));
    }

    /** This run or an earlier one applied the answer: the moderation completes if that was the last one awaited. */
    private Uni<EventOutcome> completed(VendorJob job) {
        return waiting.completeIfAnswered(job.moderationId()).replaceWith(EventOutcome.applied());
    }

    private Uni<EventOutcome> notApplied(VendorJob job, ProviderResult answer, Instant receivedAt) {
        return jobs.find(job.id()).chain(now -> {
            if (now.isPresent() && VendorJob.ANSWERED.equals(now.get().state())) {
                return completed(job);
            }
            ProviderResult.LateAnswer late = new ProviderResult.LateAnswer(receivedAt, answer.outcome(),
                    answer.scores(), answer.vendorScores(), answer.model(), answer.failure());
            String when = now.isPresent() && VendorJob.TIMED_OUT.equals(now.get().state())
                    ? "arrived after the deadline (" + job.deadlineAt() + "): the moderation was decided without it"
                    : "arrived after the provider's result was settled without it";
            return jobs.recordLate(job.id(), ModerationRecords.toStored(late))
                    .replaceWith(EventOutcome.refused(when + "; kept as the provider's late answer"));
        });
    }

    /** The provider's result the callback reports: scores, or the failure the vendor reported for the job. */
    private static ProviderResult read(Provider provider, byte[] body) {
        ProviderVerdict verdict;
        try {
            verdict = provider.adapter().parseCallback(body);
        } catch (ProviderException failure) {
            if (failure.kind() == ProviderException.Kind.INVALID_RESPONSE
                    || failure.kind() == ProviderException.Kind.UNSUPPORTED) {
                throw new UnreadableCallback(failure.getMessage());
            }
            return new ProviderResult(provider.id(), Outcome.ERROR, 0, 1, Map.of(), Map.of(), null,
                    Optional.of(new ProviderResult.Failure(FailureKind.of(failure.kind()), failure.getMessage(),
                            null)),
                    Optional.empty());
        } catch (RuntimeException bug) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(bug, "Adapter %s of provider %s failed reading a callback, error id %s",
                    provider.adapterType(), provider.id(), errorId);
            throw new UnreadableCallback("the adapter failed reading the callback; error id " + errorId
                    + " in Warden's log");
        }
        if (verdict == null || verdict.isPending()) {
            throw new UnreadableCallback("the adapter read no answer from the callback");
        }
        return ProviderResult.answered(provider, 0, 1, verdict);
    }

    private static final class UnreadableCallback extends RuntimeException {

        UnreadableCallback(String message) {
            super(message, null, false, false);
        }
    }
}
