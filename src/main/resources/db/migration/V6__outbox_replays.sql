-- A replayed row (POST /v1/deliveries/{id}/replay) gets a fresh warden.outbox.max-age from the replay, not from
-- when it was first queued: its age for dead-lettering counts from coalesce(replayed_at, created_at).
alter table outbox add column replayed_at timestamptz;

-- GET /v1/deliveries pages newest first, with or without filters.
create index outbox_created on outbox (created_at desc, id desc);
