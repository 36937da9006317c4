-- The batch claim (issue 11) reads one kind's due rows by destination.
create index outbox_due_kind on outbox (kind, destination, next_attempt_at) where status = 'pending';

-- A partner's calls per minute across every replica (warden.partners.<id>.rate-limit.per-minute): one fixed-window
-- counter row per partner, taken before each call.
create table partner_rate_window (
    partner      text        primary key,
    window_start timestamptz not null,
    used         int         not null
);
