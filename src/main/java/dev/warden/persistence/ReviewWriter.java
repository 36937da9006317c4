package dev.warden.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Completes a review, once: one statement records the human decision and queues what it calls for (the caller's
 * {@code moderation.updated} callback). The status guard makes a second or concurrent completion change nothing and
 * queue nothing. Also purges a delivered review request's content from its outbox row.
 */
@ApplicationScoped
public class ReviewWriter {

    private static final String COMPLETE = """
            with ended as (
                update review set status = 'completed', decision = $2, categories = $3::text[], reviewer = $4,
                    note = $5, completed_at = $6, inbox_event_id = $7
                where moderation_id = $1 and status = 'requested'
                returning moderation_id as id)
            """ + FollowUpRows.queue("ended", 8) + FollowUpRows.COUNT_ENDED;

    /** The review request's content, once the desk has it: Warden keeps no content it no longer needs. */
    private static final String FORGET_CONTENT = """
            update outbox set payload = jsonb_set(payload, '{event,data,content}', 'null'::jsonb)
            where id = $1 and kind = '""" + QueuedWork.REVIEW_REQUEST_KIND + "'";

    private final Pool pool;
    private final DatabaseCalls calls;

    ReviewWriter(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /** False when the review was not (or no longer) requested: nothing changed, nothing queued. */
    public Uni<Boolean> complete(CompletedReview review, List<QueuedWork> followUps) {
        Tuple parameters = Tuple.tuple()
                .addUUID(review.moderationId())
                .addString(review.decision())
                .addArrayOfString(review.categories().toArray(String[]::new))
                .addString(review.reviewer())
                .addString(review.note())
                .addOffsetDateTime(review.completedAt().atOffset(ZoneOffset.UTC))
                .addUUID(review.inboxEventId());
        FollowUpRows.add(parameters, followUps);
        return calls.statement(pool.preparedQuery(COMPLETE).execute(parameters))
                .map(rows -> rows.iterator().next().getLong("ended") > 0);
    }

    /** Sets the content of the delivered review request {@code outboxRowId} to null. */
    public Uni<Void> forgetContent(UUID outboxRowId) {
        return calls.statement(pool.preparedQuery(FORGET_CONTENT).execute(Tuple.of(outboxRowId))).replaceWithVoid();
    }

    /** What a desk's review sets: the human decision (wire names), who decided, when, and the event that said so. */
    public record CompletedReview(UUID moderationId, String decision, List<String> categories, String reviewer,
            String note, Instant completedAt, UUID inboxEventId) {
    }
}
