package dev.warden.partners;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.warden.persistence.QueuedWork;
import dev.warden.persistence.ReviewWriter;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Delivers {@code review-request} outbox rows: the row's {@code review.requested} event, POSTed to its desk's URL,
 * signed with the desk's signing secret, through the desk's guard (the answer judged as for a client's callback: 2xx
 * done, 410 stops, 429, 5xx and timeouts retried, honouring {@code Retry-After}). The {@code webhook-id} is the same
 * on every attempt. Once delivered, the row's copy of the content is set to null (a stopped or dead-lettered request
 * keeps it, so that an operator's replay can still send it). A desk that is disabled is not called; its requests wait
 * (retried later) until it is enabled again or they are dead-lettered. A desk no longer configured stops the row.
 */
@ApplicationScoped
class ReviewRequestDelivery implements WorkHandler {

    private static final Logger LOG = Logger.getLogger(ReviewRequestDelivery.class);

    private final ReviewDesks desks;
    private final ReviewWriter writer;

    ReviewRequestDelivery(ReviewDesks desks, ReviewWriter writer) {
        this.desks = desks;
        this.writer = writer;
    }

    @Override
    public String kind() {
        return QueuedWork.REVIEW_REQUEST_KIND;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        Optional<ReviewDesk> found = desks.find(item.destination());
        if (found.isEmpty()) {
            return Uni.createFrom().item(AttemptResult.stop("no review desk '"
                    + item.destination() + "' is configured (warden.partners." + item.destination() + ".type=review)"));
        }
        ReviewDesk desk = found.get();
        if (!desk.enabled()) {
            return Uni.createFrom().item(new AttemptResult.Retry(Optional.empty(), "review desk '" + desk.id()
                    + "' is disabled", Optional.empty()));
        }
        JsonObject event = item.payload().getJsonObject("event");
        if (event == null) {
            return Uni.createFrom().item(AttemptResult.stop("the row carries no event"));
        }
        return desk.endpoint().deliver(desk, item.id(), event.toBuffer())
                .call(result -> result instanceof AttemptResult.Done ? forgetContent(item)
                        : Uni.createFrom().voidItem());
    }

    /** The request was delivered either way: a failure to purge is logged, not a reason to send it again. */
    private Uni<Void> forgetContent(WorkItem item) {
        return writer.forgetContent(item.id()).onFailure().recoverWithUni(failure -> {
            LOG.warnf("The content of delivered review request %s was not purged: %s", item.id(),
                    failure.toString());
            return Uni.createFrom().voidItem();
        });
    }
}
