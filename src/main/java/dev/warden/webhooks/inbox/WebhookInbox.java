package dev.warden.webhooks.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.spi.InboxEvent;
import dev.warden.spi.VerifiedWebhook;
import dev.warden.work.DeliveryCursor;

/**
 * Table {@code webhook_event} (V7): every statement on it. An event and the outbox row that processes it are written
 * by one statement, so an acknowledged event is never without its work; an outcome is written only by the attempt
 * that still holds the outbox row ({@code work_id} names the row, and its attempt count has not moved on), so an
 * attempt that lost its lease never overwrites a later one.
 */
@ApplicationScoped
public class WebhookInbox {

    /** The outbox kind that processes stored events; its destination is {@code webhook:<partner>}. */
    public static final String WORK_KIND = "webhook-event";
    static final String DESTINATION_PREFIX = "webhook:";

    private static final String COLUMNS = """
            id, partner, event_id, type, body, status, reason, last_error, attempts, signed_at, received_at,
            processed_at, replayed_at""";

    /** The outbox row for the event in {@code source} (due now; the insert trigger wakes the workers). */
    private static final String QUEUE_FROM = """
            insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
            select s.work_id, '%s', '%s' || s.partner, s.id,
                jsonb_build_object('partner', s.partner, 'eventId', s.event_id), now(), now()
            from %%s s""".formatted(WORK_KIND, DESTINATION_PREFIX);

    /** A new event and its outbox row; a known (partner, webhook-id) inserts neither and answers nothing. */
    private static final String STORE = """
            with stored as (
                insert into webhook_event (id, partner, event_id, type, body, signed_at, received_at, work_id)
                values ($1, $2, $3, $4, $5, $6, now(), $7)
                on conflict (partner, event_id) do nothing
                returning id, partner, event_id, work_id),
            queued as (%s)
            select id from stored
            """.formatted(QUEUE_FROM.formatted("stored"));

    /**
     * The event a concurrent delivery stored: a separate statement, because the one that found the conflict cannot
     * see a row committed after it started.
     */
    private static final String FIND_BY_EVENT_ID = "select id from webhook_event where partner = $1 and event_id = $2";

    /** Counts an attempt at an event this outbox row still owns and still has to process; answers the event. */
    private static final String BEGIN = """
            update webhook_event set attempts = attempts + 1
            where id = $1 and work_id = $2 and status = 'received'
            returning id, partner, event_id, type, body, received_at, attempts
            """;

    /** Holds while attempt $3 of outbox row $2 is the latest claim of a row still pending. */
    private static final String FENCE = """
            id = $1 and work_id = $2 and status = 'received'
                and exists (select 1 from outbox o where o.id = $2 and o.attempts = $3 and o.status = 'pending')""";

    private static final String END = """
            update webhook_event set status = $4, reason = $5, last_error = null, processed_at = now()
            where %s
            """.formatted(FENCE);

    private static final String NOTE_ERROR = "update webhook_event set last_error = $4 where " + FENCE;

    private static final String FIND = "select " + COLUMNS + " from webhook_event where partner = $1 and id = $2";

    /** Received again, owned by a new outbox row queued in the same statement; an unchanged row says why not. */
    private static final String REPLAY = """
            with replayed as (
                update webhook_event set status = 'received', reason = null, last_error = null, processed_at = null,
                    replayed_at = now(), work_id = $3
                where partner = $1 and id = $2 and status in ('failed', 'refused') and body_purged_at is null
                returning *),
            queued as (%2$s)
            select %1$s, true as replayed from replayed
            union all
            select %1$s, false from webhook_event
            where partner = $1 and id = $2 and not exists (select 1 from replayed)
            """.formatted(COLUMNS, QUEUE_FROM.formatted("replayed"));

    private final Pool pool;
    private final DatabaseCalls calls;

    WebhookInbox(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /** Stores a verified event and queues its processing, once per (partner, webhook-id). */
    public Uni<Receipt> store(String partner, VerifiedWebhook verified, Optional<String> type, String body) {
        UUID id = UUID.randomUUID();
        Tuple parameters = Tuple.tuple().addUUID(id).addString(partner).addString(verified.eventId())
                .addString(type.orElse(null)).addString(body)
                .addOffsetDateTime(verified.signedAt().map(WebhookInbox::utc).orElse(null))
                .addUUID(UUID.randomUUID());
        return calls.statement(pool.preparedQuery(STORE).execute(parameters)).chain(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(new Receipt(id, verified.eventId(), false));
            }
            return calls.statement(pool.preparedQuery(FIND_BY_EVENT_ID)
                    .execute(Tuple.of(partner, verified.eventId()))).map(found -> {
                        if (found.size() == 0) {
                            throw new IllegalStateException("event " + verified.eventId() + " of partner " + partner
                                    + " conflicted with a stored one that is gone");
                        }
                        return new Receipt(found.iterator().next().getUUID("id"), verified.eventId(), true);
                    });
        });
    }

    /**
     * Counts attempt {@code outboxAttempt} of outbox row {@code workId} at the event and answers it; empty when
     * there is nothing to do: the event ended already, or a replay gave it to another row.
     */
    Uni<Optional<InboxEvent>> begin(UUID eventId, UUID workId) {
        return calls.statement(pool.preparedQuery(BEGIN).execute(Tuple.of(eventId, workId))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new InboxEvent(row.getUUID("id"), row.getString("partner"), row.getString("event_id"),
                    Optional.ofNullable(row.getString("type")), row.getString("body"), instant(row, "received_at"),
                    row.getInteger("attempts")));
        });
    }

    /** Ends the event ({@code processed}, {@code refused}, {@code failed}) if this attempt still holds it. */
    Uni<Boolean> end(UUID eventId, UUID workId, int outboxAttempt, InboxStatus status, String reason) {
        Tuple parameters = Tuple.of(eventId, workId, outboxAttempt, status.wireName(), reason);
        return calls.statement(pool.preparedQuery(END).execute(parameters)).map(rows -> rows.rowCount() == 1);
    }

    /** Records why this attempt failed, for operators, while the event waits for the next. */
    Uni<Void> noteError(UUID eventId, UUID workId, int outboxAttempt, String error) {
        Tuple parameters = Tuple.of(eventId, workId, outboxAttempt, error);
        return calls.statement(pool.preparedQuery(NOTE_ERROR).execute(parameters)).replaceWithVoid();
    }

    /** Newest first; one more row than asked tells whether a next page exists. */
    public Uni<InboxPage> list(InboxQuery query) {
        Tuple parameters = Tuple.tuple().addString(query.partner());
        List<String> conditions = new ArrayList<>(List.of("partner = $1"));
        query.status().ifPresent(status -> {
            parameters.addString(status.wireName());
            conditions.add("status = $" + parameters.size());
        });
        query.after().ifPresent(cursor -> {
            parameters.addOffsetDateTime(utc(cursor.createdAt())).addUUID(cursor.id());
            conditions.add("(received_at, id) < ($%d, $%d)".formatted(parameters.size() - 1, parameters.size()));
        });
        parameters.addInteger(query.limit() + 1);
        String sql = "select " + COLUMNS + " from webhook_event where " + String.join(" and ", conditions)
                + " order by received_at desc, id desc limit $" + parameters.size();
        return calls.statement(pool.preparedQuery(sql).execute(parameters)).map(rows -> {
            List<StoredEvent> events = events(rows);
            if (events.size() <= query.limit()) {
                return new InboxPage(events, Optional.empty());
            }
            List<StoredEvent> page = events.subList(0, query.limit());
            StoredEvent last = page.get(page.size() - 1);
            return new InboxPage(page, Optional.of(new DeliveryCursor(last.receivedAt(), last.id())));
        });
    }

    public Uni<Optional<StoredEvent>> find(String partner, UUID id) {
        return calls.statement(pool.preparedQuery(FIND).execute(Tuple.of(partner, id)))
                .map(rows -> events(rows).stream().findFirst());
    }

    /** A failed or refused event is received again and queued at once. */
    public Uni<InboxReplay> replay(String partner, UUID id) {
        return calls.statement(pool.preparedQuery(REPLAY).execute(Tuple.of(partner, id, UUID.randomUUID())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new InboxReplay.Missing();
                    }
                    Row row = rows.iterator().next();
                    return row.getBoolean("replayed") ? new InboxReplay.Replayed(event(row))
                            : new InboxReplay.NotReplayable(event(row));
                });
    }

    private static List<StoredEvent> events(RowSet<Row> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        rows.forEach(row -> events.add(event(row)));
        return events;
    }

    private static StoredEvent event(Row row) {
        return new StoredEvent(row.getUUID("id"), row.getString("partner"), row.getString("event_id"),
                Optional.ofNullable(row.getString("type")), row.getString("body"),
                InboxStatus.fromWireName(row.getString("status")).orElseThrow(),
                Optional.ofNullable(row.getString("reason")), Optional.ofNullable(row.getString("last_error")),
                row.getInteger("attempts"), optionalInstant(row, "signed_at"), instant(row, "received_at"),
                optionalInstant(row, "processed_at"), optionalInstant(row, "replayed_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }

    private static Optional<Instant> optionalInstant(Row row, String column) {
        return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
    }
}
