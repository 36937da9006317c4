package dev.warden.persistence;

import static dev.warden.persistence.SqlArrays.column;

import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox rows a write calls for, queued by the same statement (see V4__outbox.sql): due at once, and the insert
 * wakes the workers. A queued {@code review-request} row also opens its moderation's review (V8__review.sql), so a
 * review is {@code requested} exactly when its request is queued, requested at its event's {@code timestamp}.
 */
final class FollowUpRows {

    /** Ends a statement whose change is the CTE {@code ended}: how many rows it changed (0: none, nothing queued). */
    static final String COUNT_ENDED = "select count(*) as ended from ended";

    private FollowUpRows() {
    }

    /**
     * CTEs queueing the rows bound as arrays at {@code $first} (ids, kinds, destinations, payloads), each for the row
     * {@code source} returned ({@code id}): none when {@code source} changed nothing.
     */
    static String queue(String source, int first) {
        return """
                , queued as (
                    insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
                    select w.id, w.kind, w.destination, %1$s.id, w.payload::jsonb, now(), now()
                    from %1$s, unnest($%2$d::uuid[], $%3$d::text[], $%4$d::text[], $%5$d::text[])
                        as w(id, kind, destination, payload)
                    returning kind, destination, subject_id, payload)
                , reviews as (
                    insert into review (moderation_id, partner, status, requested_at)
                    select subject_id, destination, 'requested', (payload #>> '{event,timestamp}')::timestamptz
                    from queued where kind = '%6$s'
                    on conflict (moderation_id) do nothing)
                """.formatted(source, first, first + 1, first + 2, first + 3, QueuedWork.REVIEW_REQUEST_KIND);
    }

    static Tuple add(Tuple parameters, List<QueuedWork> rows) {
        return parameters
                .addArrayOfUUID(column(rows, QueuedWork::id, UUID[]::new))
                .addArrayOfString(column(rows, QueuedWork::kind, String[]::new))
                .addArrayOfString(column(rows, QueuedWork::destination, String[]::new))
                .addArrayOfString(column(rows, QueuedWork::payload, String[]::new));
    }
}
