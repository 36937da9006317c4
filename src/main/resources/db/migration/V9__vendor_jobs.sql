-- Classifiers that answer later (issue 9): a vendor job per provider an async moderation submitted to a vendor that
-- posts its answer to a callback URL. The URL carries the job's id (job) and a random token (token, 256 bits);
-- only the token's SHA-256 is kept here, so the table reveals no usable callback URL. A job is waiting until the
-- vendor's callback is applied (answered) or its deadline passed first (timed_out); exactly one of the two happens,
-- guarded by this state.
create table vendor_job (
    id             uuid        primary key,
    moderation_id  uuid        not null references moderation (id) on delete cascade,
    -- the provider's position among the moderation's planned providers (as in provider_outcome)
    position       int         not null,
    provider       text        not null,
    token_sha256   bytea       not null,
    -- the vendor's own id for the job, once it accepted it
    vendor_job_id  text,
    state          text        not null default 'waiting',
    created_at     timestamptz not null,
    deadline_at    timestamptz not null,
    ended_at       timestamptz,
    constraint vendor_job_state check (state in ('waiting', 'answered', 'timed_out'))
);

create index vendor_job_moderation on vendor_job (moderation_id, state);

-- The answer a vendor posted after its deadline (the moderation was completed without it): kept for operators and
-- shown with the provider's outcome, never changing the decision.
alter table provider_outcome add column late_answer jsonb;
