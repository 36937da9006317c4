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
 * queue nothing.
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

    /** What a desk's review sets: the human decision (wire names), who decided, when, and the event that said so. */
    public record CompletedReview(UUID moderationId, String decision, List<String> categories, String reviewer,
            String note, Instant completedAt, UUID inboxEventId) {
    }
}
