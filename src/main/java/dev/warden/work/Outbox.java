package dev.warden.work;

import static dev.warden.persistence.SqlArrays.column;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;

/**
 * Tables {@code outbox} and {@code outbox_attempt}: every statement on them, in one place. Code that queues work
 * outside its own statements calls {@link #enqueue}; the admin API lists, reads and replays; the worker claims rows,
 * records attempts and releases leases. A row is leased while {@code lease_until} is in the future; its
 * {@code lease_token} fences every write of an outcome, so a worker whose lease was taken over changes nothing.
 */
@ApplicationScoped
public class Outbox {

    /** The channel the insert trigger of V4 notifies; replays notify it too. */
    static final String CHANNEL = "warden_outbox";

    private static final String ENQUEUE = """
            insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
            select w.id, w.kind, w.destination, w.subject_id, w.payload::jsonb, now(), now()
            from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[])
                as w(id, kind, destination, subject_id, payload)
            """;

    /**
     * A row whose previous lease simply expired gets that attempt recorded as lost: the fragment both claims end with,
     * over their CTE {@code %s} of locked rows (with the previous lease) and {@code claimed}.
     */
    private static final String LOST = """
            lost as (
                insert into outbox_attempt (outbox_id, number, started_at, duration_ms, outcome, error, worker)
                select r.id, r.attempts, r.lease_until, 0, 'lost',
                    'the lease of ' || r.lease_owner || ' expired before it recorded this attempt', r.lease_owner
                from %s r join claimed c on c.id = r.id
                where r.lease_owner is not null and r.attempts > 0
                on conflict do nothing)
            """;

    private static final String CLAIMED_COLUMNS = """
            o.id, o.kind, o.destination, o.subject_id, o.payload, o.attempts, o.created_at,
                coalesce(o.replayed_at, o.created_at) as age_from""";

    /**
     * Takes up to $1 due rows, oldest due first, skipping rows other workers are claiming this instant, rows of
     * destinations with no room left in this process ($2), and rows that go in groups ($9/$10: kind and destination
     * pairs {@link #claimGroups} takes), and at most the room each destination has left ($3/$4: destinations that
     * are busy or limited, and their room; others get $5). The claim changes no indexed column, so PostgreSQL can
     * update the row in place (a HOT update, with the table's fillfactor leaving room for it) instead of adding an
     * entry to every index.
     */
    private static final String CLAIM = """
            with due as (
                select id, destination, next_attempt_at, attempts, lease_owner, lease_until
                from outbox
                where status = 'pending' and next_attempt_at <= now()
                    and (lease_until is null or lease_until <= now()) and destination <> all($2::text[])
                    and not exists (select 1 from unnest($9::text[], $10::text[]) as g(kind, destination)
                        where g.kind = outbox.kind and g.destination = outbox.destination)
                order by next_attempt_at
                limit $1
                for update skip locked),
            ranked as (
                select due.*, coalesce(busy.room, $5) as room,
                    row_number() over (partition by due.destination order by due.next_attempt_at) as place
                from due left join unnest($3::text[], $4::int[]) as busy(destination, room)
                    on busy.destination = due.destination),
            claimed as (
                update outbox o set lease_token = $6, lease_owner = $7,
                    lease_until = now() + $8::bigint * interval '1 millisecond', attempts = o.attempts + 1
                from ranked r
                where o.id = r.id and r.place <= r.room
                returning %s),
            %s
            select * from claimed
            """.formatted(CLAIMED_COLUMNS, LOST.formatted("ranked", "ranked"));

    /**
     * Takes due rows in groups, per kind and destination ($1/$2) up to $3 rows in groups of $4: every full group at
     * once, and the partial rest only once its oldest row has been due for the linger ($5 ms), so that a trickle
     * of rows goes in groups, not one by one. Each pair reads its own rows through {@code outbox_due_kind}; rows
     * another worker is claiming are skipped. {@code place} orders each pair's rows, oldest due first.
     */
    private static final String CLAIM_GROUPS = """
            with due as (
                select d.*, g.batch, g.linger_ms
                from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::bigint[])
                    as g(kind, destination, rows, batch, linger_ms)
                cross join lateral (
                    select id, kind, destination, next_attempt_at, attempts, lease_owner, lease_until
                    from outbox
                    where status = 'pending' and kind = g.kind and destination = g.destination
                        and next_attempt_at <= now() and (lease_until is null or lease_until <= now())
                    order by next_attempt_at
                    limit g.rows
                    for update skip locked) d),
            grouped as (
                select due.*,
                    row_number() over (partition by due.kind, due.destination order by due.next_attempt_at, due.id)
                        as place,
                    count(*) over (partition by due.kind, due.destination) as waiting,
                    min(due.next_attempt_at) over (partition by due.kind, due.destination) as oldest
                from due),
            claimed as (
                update outbox o set lease_token = $6, lease_owner = $7,
                    lease_until = now() + $8::bigint * interval '1 millisecond', attempts = o.attempts + 1
                from grouped r
                where o.id = r.id
                    and (r.place <= (r.waiting / r.batch) * r.batch
                        or r.oldest <= now() - r.linger_ms * interval '1 millisecond')
                returning %s, r.place),
            %s
            select * from claimed order by kind, destination, place
            """.formatted(CLAIMED_COLUMNS, LOST.formatted("grouped", "grouped"));

    /**
     * Stores a batch of finished attempts and moves each row on, if this worker's lease still holds it; answers the
     * ids it moved. The attempts are stored either way: they happened.
     */
    private static final String COMPLETE = """
            with finished as (
                select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::bigint[],
                    $7::int[], $8::text[], $9::timestamptz[], $10::bigint[])
                    as f(id, lease_token, number, outcome, status, delay_ms, http_status, error, started_at,
                        duration_ms)),
            moved as (
                update outbox o set status = f.status,
                    next_attempt_at = case when f.status = 'pending'
                        then now() + f.delay_ms * interval '1 millisecond' else o.next_attempt_at end,
                    finished_at = case when f.status = 'pending' then null else now() end,
                    lease_token = null, lease_owner = null, lease_until = null,
                    last_error = f.error, last_http_status = f.http_status
                from finished f
                where o.id = f.id and o.lease_token = f.lease_token
                returning o.id),
            recorded as (
                insert into outbox_attempt (outbox_id, number, started_at, duration_ms, outcome, http_status, error,
                    worker)
                select f.id, f.number, f.started_at, f.duration_ms, f.outcome, f.http_status, f.error, $11
                from finished f join outbox o on o.id = f.id
                on conflict do nothing)
            select id from moved
            """;

    /** Every row this worker still holds is due again at once, for any replica. */
    private static final String RELEASE = """
            update outbox set lease_token = null, lease_owner = null, lease_until = null, next_attempt_at = now()
            where lease_owner = $1 and status = 'pending'
            """;

    /** Every lease runs out now; the next claim records each as a lost attempt of the process that held it. */
    private static final String EXPIRE_LEASES = """
            update outbox set lease_until = now() where status = 'pending' and lease_until > now()
            """;

    private static final String COUNT_PENDING = "select count(*) from outbox where status = 'pending'";

    private static final String DELIVERY_COLUMNS = """
            id, kind, destination, subject_id, status, attempts, next_attempt_at, created_at, replayed_at,
            finished_at, lease_owner, lease_until, last_error, last_http_status""";

    private static final String FIND = """
            select o.id, o.kind, o.destination, o.subject_id, o.status, o.attempts, o.next_attempt_at, o.created_at,
                o.replayed_at, o.finished_at, o.lease_owner, o.lease_until, o.last_error, o.last_http_status,
                o.payload, a.number, a.started_at, a.duration_ms, a.outcome, a.http_status, a.error, a.worker
            from outbox o left join outbox_attempt a on a.outbox_id = o.id
            where o.id = $1
            order by a.number
            """;

    /** Pending again and due now, with a fresh max-age; notifies the workers in the same statement. */
    private static final String REPLAY = """
            with replayed as (
                update outbox set status = 'pending', next_attempt_at = now(), replayed_at = now(), finished_at = null,
                    lease_token = null, lease_owner = null, lease_until = null
                where id = $1 and status <> 'pending'
                returning %1$s),
            woken as (select pg_notify('%2$s', '') from replayed)
            select %1$s, true as replayed from replayed where (select count(*) from woken) >= 0
            union all
            select %1$s, false from outbox where id = $1 and not exists (select 1 from replayed)
            """.formatted(DELIVERY_COLUMNS, CHANNEL);

    private final Pool pool;
    private final DatabaseCalls calls;

    Outbox(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /** Queues one row, due now; the insert wakes the workers. */
    public Uni<UUID> enqueue(NewWork work) {
        return enqueueAll(List.of(work)).map(ids -> ids.get(0));
    }

    /** Queues many rows in one statement. */
    public Uni<List<UUID>> enqueueAll(List<NewWork> works) {
        List<UUID> ids = works.stream().map(ignored -> UUID.randomUUID()).toList();
        Tuple parameters = Tuple.tuple()
                .addArrayOfUUID(ids.toArray(UUID[]::new))
                .addArrayOfString(column(works, NewWork::kind, String[]::new))
                .addArrayOfString(column(works, NewWork::destination, String[]::new))
                .addArrayOfUUID(column(works, NewWork::subjectId, UUID[]::new))
                .addArrayOfString(column(works, work -> work.payload() == null ? "{}" : work.payload().encode(),
                        String[]::new));
        return calls.statement(pool.preparedQuery(ENQUEUE).execute(parameters)).replaceWith(ids);
    }

    /**
     * One by one: up to {@code limit} rows, at most {@code roomByDestination} of the destinations named there and
     * {@code roomOfOthers} of any other; never the kind and destination pairs of {@code grouped}.
     */
    Uni<List<Lease>> claim(int limit, Map<String, Integer> roomByDestination, int roomOfOthers,
            List<GroupClaim> grouped, UUID token, String owner, Duration lease) {
        List<Map.Entry<String, Integer>> rooms = List.copyOf(roomByDestination.entrySet());
        Tuple parameters = Tuple.tuple()
                .addInteger(limit)
                .addArrayOfString(rooms.stream().filter(entry -> entry.getValue() <= 0).map(Map.Entry::getKey)
                        .toArray(String[]::new))
                .addArrayOfString(rooms.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .addArrayOfInteger(rooms.stream().map(Map.Entry::getValue).toArray(Integer[]::new))
                .addInteger(roomOfOthers)
                .addUUID(token)
                .addString(owner)
                .addLong(lease.toMillis())
                .addArrayOfString(column(grouped, GroupClaim::kind, String[]::new))
                .addArrayOfString(column(grouped, GroupClaim::destination, String[]::new));
        long expiresAtNanos = System.nanoTime() + lease.toNanos();
        return calls.statement(pool.preparedQuery(CLAIM).execute(parameters))
                .map(rows -> leases(rows, token, expiresAtNanos));
    }

    /**
     * In groups: for each pair with {@code rows > 0}, full groups at once and the rest after its linger. Answers the
     * leases ordered by kind and destination, each pair's oldest due first.
     */
    Uni<List<Lease>> claimGroups(List<GroupClaim> groups, UUID token, String owner, Duration lease) {
        Tuple parameters = Tuple.tuple()
                .addArrayOfString(column(groups, GroupClaim::kind, String[]::new))
                .addArrayOfString(column(groups, GroupClaim::destination, String[]::new))
                .addArrayOfInteger(column(groups, GroupClaim::rows, Integer[]::new))
                .addArrayOfInteger(column(groups, GroupClaim::groupSize, Integer[]::new))
                .addArrayOfLong(column(groups, group -> group.linger().toMillis(), Long[]::new))
                .addUUID(token)
                .addString(owner)
                .addLong(lease.toMillis());
        long expiresAtNanos = System.nanoTime() + lease.toNanos();
        return calls.statement(pool.preparedQuery(CLAIM_GROUPS).execute(parameters))
                .map(rows -> leases(rows, token, expiresAtNanos));
    }

    private static List<Lease> leases(RowSet<Row> rows, UUID token, long expiresAtNanos) {
        return fromRows(rows, row -> {
            WorkItem item = new WorkItem(row.getUUID("id"), row.getString("kind"), row.getString("destination"),
                    Optional.ofNullable(row.getUUID("subject_id")), row.getJsonObject("payload"),
                    row.getInteger("attempts"), instant(row, "created_at"), token, expiresAtNanos);
            return new Lease(item, token, instant(row, "age_from"), expiresAtNanos);
        });
    }

    /** Stores the attempts and moves the rows on; answers the ids whose lease still held. */
    Uni<List<UUID>> complete(List<Completion> completions, String worker) {
        Tuple parameters = Tuple.tuple()
                .addArrayOfUUID(column(completions, done -> done.lease().item().id(), UUID[]::new))
                .addArrayOfUUID(column(completions, done -> done.lease().token(), UUID[]::new))
                .addArrayOfInteger(column(completions, done -> done.lease().item().attempt(), Integer[]::new))
                .addArrayOfString(column(completions, done -> done.outcome().wireName(), String[]::new))
                .addArrayOfString(column(completions, done -> done.next().wireName(), String[]::new))
                .addArrayOfLong(column(completions, done -> done.delay().toMillis(), Long[]::new))
                .addArrayOfInteger(column(completions, done -> done.httpStatus().orElse(null), Integer[]::new))
                .addArrayOfString(column(completions, done -> done.error().orElse(null), String[]::new))
                .addArrayOfOffsetDateTime(column(completions, done -> done.startedAt().atOffset(ZoneOffset.UTC),
                        OffsetDateTime[]::new))
                .addArrayOfLong(column(completions, Completion::durationMs, Long[]::new))
                .addString(worker);
        return calls.statement(pool.preparedQuery(COMPLETE).execute(parameters))
                .map(rows -> fromRows(rows, row -> row.getUUID("id")));
    }

    Uni<Integer> release(String owner) {
        return calls.statement(pool.preparedQuery(RELEASE).execute(Tuple.of(owner))).map(RowSet::rowCount);
    }

    /** Only for a process that knows no other holds leases: the single process of the embedded database. */
    Uni<Integer> expireLeases() {
        return calls.statement(pool.query(EXPIRE_LEASES).execute()).map(RowSet::rowCount);
    }

    Uni<Long> countPending() {
        return calls.statement(pool.query(COUNT_PENDING).execute()).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Newest first; one more row than asked tells whether a next page exists. */
    public Uni<DeliveryPage> list(DeliveryQuery query) {
        List<String> conditions = new ArrayList<>();
        Tuple parameters = Tuple.tuple();
        query.status().ifPresent(status -> condition(conditions, parameters, "status = $%d", status.wireName()));
        query.destination().ifPresent(destination -> condition(conditions, parameters, "destination = $%d",
                destination));
        query.kind().ifPresent(kind -> condition(conditions, parameters, "kind = $%d", kind));
        query.cursor().ifPresent(cursor -> {
            parameters.addOffsetDateTime(cursor.createdAt().atOffset(ZoneOffset.UTC)).addUUID(cursor.id());
            conditions.add("(created_at, id) < ($%d, $%d)".formatted(parameters.size() - 1, parameters.size()));
        });
        parameters.addInteger(query.limit() + 1);
        String sql = "select " + DELIVERY_COLUMNS + " from outbox"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by created_at desc, id desc limit $" + parameters.size();
        return calls.statement(pool.preparedQuery(sql).execute(parameters)).map(rows -> {
            List<Delivery> deliveries = fromRows(rows, row -> delivery(row, Optional.empty(), List.of()));
            if (deliveries.size() <= query.limit()) {
                return new DeliveryPage(deliveries, Optional.empty());
            }
            List<Delivery> page = deliveries.subList(0, query.limit());
            Delivery last = page.get(page.size() - 1);
            return new DeliveryPage(page, Optional.of(new DeliveryCursor(last.createdAt(), last.id())));
        });
    }

    /** The row with its payload and every attempt, in order. */
    public Uni<Optional<Delivery>> find(UUID id) {
        return calls.statement(pool.preparedQuery(FIND).execute(Tuple.of(id))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            List<Delivery.Attempt> attempts = new ArrayList<>();
            Row first = null;
            for (Row row : rows) {
                first = first == null ? row : first;
                if (row.getInteger("number") != null) {
                    attempts.add(new Delivery.Attempt(row.getInteger("number"), instant(row, "started_at"),
                            row.getLong("duration_ms"), row.getString("outcome"),
                            Optional.ofNullable(row.getInteger("http_status")),
                            Optional.ofNullable(row.getString("error")), row.getString("worker")));
                }
            }
            return Optional.of(delivery(first, Optional.ofNullable(first.getJsonObject("payload")), attempts));
        });
    }

    /** A row that ended (delivered, stopped, dead) is pending again, due now, with its attempts kept. */
    public Uni<ReplayResult> replay(UUID id) {
        return calls.statement(pool.preparedQuery(REPLAY).execute(Tuple.of(id))).map(rows -> {
            if (rows.size() == 0) {
                return new ReplayResult.Missing();
            }
            Row row = rows.iterator().next();
            Delivery delivery = delivery(row, Optional.empty(), List.of());
            return row.getBoolean("replayed") ? new ReplayResult.Replayed(delivery)
                    : new ReplayResult.StillPending(delivery);
        });
    }

    private static void condition(List<String> conditions, Tuple parameters, String condition, String value) {
        parameters.addString(value);
        conditions.add(condition.formatted(parameters.size()));
    }

    private static Delivery delivery(Row row, Optional<JsonObject> payload, List<Delivery.Attempt> attempts) {
        return new Delivery(row.getUUID("id"), row.getString("kind"), row.getString("destination"),
                Optional.ofNullable(row.getUUID("subject_id")),
                DeliveryStatus.fromWireName(row.getString("status")).orElseThrow(),
                row.getInteger("attempts"), instant(row, "next_attempt_at"), instant(row, "created_at"),
                optionalInstant(row, "replayed_at"), optionalInstant(row, "finished_at"),
                Optional.ofNullable(row.getString("lease_owner")), optionalInstant(row, "lease_until"),
                Optional.ofNullable(row.getString("last_error")),
                Optional.ofNullable(row.getInteger("last_http_status")), payload, attempts);
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }

    private static Optional<Instant> optionalInstant(Row row, String column) {
        return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
    }

    private static <V> List<V> fromRows(RowSet<Row> rows, Function<Row, V> value) {
        List<V> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(value.apply(row)));
        return values;
    }
}
