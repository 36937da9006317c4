-- A replayed row (POST /v1/deliveries/{id}/replay) gets a fresh warden.outbox.max-age from the replay, not from
-- when it was first queued: its age for dead-lettering counts from coalesce(replayed_at, created_at).
alter table outbox add column replayed_at timestamptz;

-- GET /v1/deliveries pages newest first, with or without filters.
create index outbox_created on outbox (created_at desc, id desc);

-- A queue table: every row is inserted, claimed and finished within seconds. Free room on each page lets the claim
-- (which changes no indexed column) update rows in place; frequent statistics keep the claim's plan an ordered
-- index scan when a backlog builds up, and frequent vacuums keep finished rows' old versions from piling up.
alter table outbox set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02);
