-- The inbox: every inbound webhook a partner's verifier accepted, stored before the sender gets its 2xx, unique per
-- partner and webhook-id so a redelivery stores and queues nothing. Processed afterwards by an outbox row of kind
-- webhook-event (subject_id = this id); work_id names the outbox row that currently owns processing, so an attempt of
-- an older row (before a replay) changes nothing.
-- status: received (processing pending or being retried; last_error says why the last attempt failed), processed,
-- refused (understood, deliberately not applied; reason says why), failed (invalid, or still failing after
-- warden.webhooks.max-attempts; reason holds the error; replayable).
create table webhook_event (
    id           uuid        primary key,
    partner      text        not null,
    event_id     text        not null,
    type         text,
    -- the exact text that was verified (UTF-8 JSON object), never re-serialized
    body         text        not null,
    signed_at    timestamptz,
    received_at  timestamptz not null,
    status       text        not null default 'received',
    reason       text,
    last_error   text,
    attempts     int         not null default 0,
    processed_at timestamptz,
    replayed_at  timestamptz,
    work_id      uuid        not null,
    constraint webhook_event_unique unique (partner, event_id),
    constraint webhook_event_status check (status in ('received', 'processed', 'refused', 'failed')),
    constraint webhook_event_explained check (status not in ('refused', 'failed') or reason is not null)
);

-- The admin listing: one partner's events, newest first, optionally of one status.
create index webhook_event_listing on webhook_event (partner, received_at desc, id desc);
create index webhook_event_listing_status on webhook_event (partner, status, received_at desc, id desc);
