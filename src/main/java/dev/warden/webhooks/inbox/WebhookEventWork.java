package dev.warden.webhooks.inbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

import dev.warden.providers.Partner;
import dev.warden.providers.PartnerRegistry;
import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboxEvent;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.spi.WebhookEventHandler;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Processes stored inbound events (outbox kind {@value WebhookInbox#WORK_KIND}): hands each to its partner's
 * {@link WebhookEventHandler} and records the outcome on the event. Applied → {@code processed}; refused →
 * {@code refused} with the reason; invalid → {@code failed} at once; a failed handler → retried with the outbox's
 * backoff, and {@code failed} with its last error after {@code warden.webhooks.max-attempts}. Every write is fenced by
 * the outbox row's attempt, so an attempt that lost its lease changes nothing. Built at start-up, where a bad
 * {@code max-attempts} fails it, also on a replica whose outbox worker is off.
 */
@Startup
@ApplicationScoped
class WebhookEventWork implements WorkHandler {

    /** Failures whose message is about Warden's classes, not about the event. */
    private static final List<Class<? extends RuntimeException>> PROGRAMMING_ERRORS = List.of(
            ClassCastException.class, NullPointerException.class, IndexOutOfBoundsException.class,
            ArithmeticException.class, UnsupportedOperationException.class);
    private static final Logger LOG = Logger.getLogger(WebhookEventWork.class);

    private final WebhookInbox inbox;
    private final PartnerRegistry partners;
    private final WebhookMetrics metrics;
    private final int maxAttempts;

    WebhookEventWork(WebhookInbox inbox, PartnerRegistry partners, WebhookMetrics metrics, WebhookSettings settings) {
        if (settings.maxAttempts() < 1) {
            throw new InvalidSettingsException("warden.webhooks.max-attempts must be at least 1, got "
                    + settings.maxAttempts());
        }
        this.inbox = inbox;
        this.partners = partners;
        this.metrics = metrics;
        this.maxAttempts = settings.maxAttempts();
    }

    @Override
    public String kind() {
        return WebhookInbox.WORK_KIND;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        Optional<UUID> eventId = item.subjectId();
        if (eventId.isEmpty()) {
            return Uni.createFrom().item(AttemptResult.stop("the row names no inbox event"));
        }
        return inbox.begin(eventId.get(), item.id()).chain(event -> event.isEmpty() ? Uni.createFrom().item(AttemptResult.done())
                : process(item, event.get()));
    }

    private Uni<AttemptResult> process(WorkItem item, InboxEvent event) {
        if (item.attempt() > maxAttempts) {
            // Only attempts that ended without an answer (timed out, lost with their process) get this far.
            return fail(item, event, "gave up after " + maxAttempts + " attempts (warden.webhooks.max-attempts)"
                    + " without an outcome");
        }
        Optional<WebhookEventHandler> handler = partners.find(event.partner()).flatMap(Partner::webhooks)
                .map(PartnerWebhooks::handler);
        if (handler.isEmpty()) {
            return fail(item, event, "partner '" + event.partner() + "' no longer accepts webhooks (not in the"
                    + " configuration); replay the event once it is back");
        }
        return Uni.createFrom().deferred(() -> handler.get().handle(event))
                .onItem().ifNull().failWith(() -> new IllegalStateException("the handler answered no outcome"))
                .chain(outcome -> recorded(item, event, outcome))
                .onFailure().recoverWithUni(failure -> failed(item, event, failure));
    }

    private Uni<AttemptResult> recorded(WorkItem item, InboxEvent event, EventOutcome outcome) {
        if (outcome instanceof EventOutcome.Refused refused) {
            return end(item, event, InboxStatus.REFUSED, refused.reason()).replaceWith(AttemptResult.done());
        }
        if (outcome instanceof EventOutcome.Invalid invalid) {
            return fail(item, event, "invalid: " + invalid.reason());
        }
        return end(item, event, InboxStatus.PROCESSED, null).replaceWith(AttemptResult.done());
    }

    /** The handler (or recording its outcome) failed: retried, until the last attempt, which fails the event. */
    private Uni<AttemptResult> failed(WorkItem item, InboxEvent event, Throwable failure) {
        String error = "attempt " + item.attempt() + " failed: " + explained(event, failure);
        LOG.debugf(failure, "Inbox event %s of partner %s: %s", event.id(), event.partner(), error);
        if (item.attempt() >= maxAttempts) {
            return fail(item, event, error + " (last of warden.webhooks.max-attempts=" + maxAttempts + ")");
        }
        metrics.processed(event.partner(), "retry");
        return inbox.noteError(event.id(), item.id(), item.attempt(), error)
                .onFailure().recoverWithNull()
                .replaceWith(new AttemptResult.Retry(Optional.empty(), error, Optional.empty()));
    }

    /**
     * What operators read in the event's reason: a handler's own message, never an exception's class name; a
     * programming error (a handler that did not expect this payload) is logged with its stack trace under an error id
     * the reason quotes, because its message names classes and class loaders.
     */
    private static String explained(InboxEvent event, Throwable failure) {
        boolean programmingError = PROGRAMMING_ERRORS.stream().anyMatch(type -> type.isInstance(failure));
        if (!programmingError && failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return failure.getMessage();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.warnf(failure, "Inbox event %s of partner %s: the handler failed unexpectedly (error id %s)", event.id(),
                event.partner(), errorId);
        return "the handler failed unexpectedly (error id " + errorId + " in the log)";
    }

    private Uni<AttemptResult> fail(WorkItem item, InboxEvent event, String reason) {
        return end(item, event, InboxStatus.FAILED, reason)
                .replaceWith(AttemptResult.stop(reason));
    }

    private Uni<Boolean> end(WorkItem item, InboxEvent event, InboxStatus status, String reason) {
        return inbox.end(event.id(), item.id(), item.attempt(), status, reason).invoke(ended -> {
            if (ended) {
                metrics.processed(event.partner(), status.wireName());
            }
        });
    }

    /** Stopped or dead-lettered by the outbox: the event fails with that reason, if no outcome was recorded. */
    @Override
    public Uni<Void> abandoned(WorkItem item, String reason) {
        if (item.subjectId().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return inbox.end(item.subjectId().get(), item.id(), item.attempt(), InboxStatus.FAILED, reason)
                .replaceWithVoid();
    }
}
