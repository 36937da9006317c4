-- The durable backbone: everything Warden does after an answer (async moderation jobs, caller callbacks, and next
-- partner reports, review requests, async vendor jobs) is a row here, leased by one process at a time.
-- status: pending (due at next_attempt_at; leased while lease_until is in the future), delivered, stopped (the
-- destination refused it for good, e.g. 410), dead (still failing after warden.outbox.max-age).
create table outbox (
    id              uuid        primary key,
    kind            text        not null,
    destination     text        not null,
    subject_id      uuid,
    payload         jsonb       not null default '{}'::jsonb,
    status          text        not null default 'pending',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    lease_token     uuid,
    lease_owner     text,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    last_error      text,
    last_http_status int
);

create index outbox_due on outbox (next_attempt_at) where status = 'pending';
create index outbox_listing on outbox (status, destination, created_at);
create index outbox_subject on outbox (subject_id);

-- Every attempt at a row: when, how long, what the destination answered.
create table outbox_attempt (
    outbox_id   uuid        not null references outbox (id) on delete cascade,
    number      int         not null,
    started_at  timestamptz not null,
    duration_ms bigint      not null,
    outcome     text        not null,
    http_status int,
    error       text,
    worker      text        not null,
    primary key (outbox_id, number)
);

-- Any insert wakes the workers listening on warden_outbox (one notification per statement; polling covers a
-- notification missed while a listener reconnects).
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('warden_outbox', '');
    return null;
end
$$;

create trigger outbox_inserted after insert on outbox for each statement execute function outbox_notify();
