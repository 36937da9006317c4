-- Reports for reporting partners (issue 11). One row per report; delivered by outbox rows of kind report
-- (subject_id = report.id); work_id names the outbox row that currently owns delivery, so an attempt of an older
-- row (before :retry or :retract) changes nothing (the V7 webhook_event pattern).
create table report (
    id                 uuid        primary key,
    client_name        text        not null,            -- API client, or 'warden' for reports built by policy/review
    partner            text        not null,            -- warden.partners.<id>
    format             text        not null,            -- statement_of_reasons | cybertip
    status             text        not null,
    acceptance         text,                            -- created | accepted-duplicate (once the partner has it)
    source             text        not null,            -- api | policy | review
    moderation_id      uuid        references moderation (id) on delete set null,
    partner_key        text,                            -- DSA puid (≤500, [A-Za-z0-9_-]); null for cybertip
    idempotency_key    text,
    request_sha256     char(64)    not null,            -- of the normalized content: same key + other body = 409
    content            jsonb       not null,            -- the normalized report as validated
    rules_version      text        not null,
    problems           jsonb,                           -- a draft's open rule violations (shown, fixed by :confirm)
    work_id            uuid,                            -- current outbox row (null while draft)
    partner_report_id  text,                            -- NCMEC reportId (text: no size bound known, P§1.2 [U]); DSA uuid
    partner_refs       jsonb       not null default '{}'::jsonb,  -- DSA {uuid, permalink, self}; NCMEC {requestIds…}
    opened_at          timestamptz,                     -- NCMEC: submit answered
    last_change_at     timestamptz,                     -- NCMEC: last successful step
    expires_at         timestamptz,                     -- NCMEC: max(opened+24h, last_change+1h)
    expiry_warned_at   timestamptz,                     -- set once, by whichever replica logged the 75% warning
    confirm_cycles     int         not null default 0,  -- DSA: existing-puid answered 404 this many times
    attempts           int         not null default 0,  -- report_attempt numbering
    last_error         text,
    last_http_status   int,
    last_partner_code  text,
    created_at         timestamptz not null,
    queued_at          timestamptz,
    submitted_at       timestamptz,
    accepted_at        timestamptz,
    ended_at           timestamptz,
    updated_at         timestamptz not null,
    constraint report_status check (status in ('draft','queued','in_progress','submitted','accepted','failed','dead','retracted')),
    constraint report_format check (format in ('statement_of_reasons','cybertip')),
    constraint report_source check (source in ('api','policy','review')),
    constraint report_acceptance check (acceptance is null or acceptance in ('created','accepted-duplicate')),
    constraint report_key check ((format = 'statement_of_reasons') = (partner_key is not null))
);
-- One report per puid and partner: the idempotency of DSA (P§0.4) and "never the same puid in two calls at once".
create unique index report_partner_key on report (partner, partner_key) where partner_key is not null;
create unique index report_idempotency on report (client_name, idempotency_key) where idempotency_key is not null;
-- A decision or review triggers at most one report per partner.
create unique index report_from_moderation on report (moderation_id, partner) where source <> 'api';
create index report_listing on report (created_at desc, id desc);
create index report_listing_partner on report (partner, status, created_at desc, id desc);
create index report_pending on report (partner, queued_at) where status in ('queued','in_progress','submitted');
create index report_open on report (expires_at) where status = 'in_progress' and expires_at is not null;

-- Evidence files of a CyberTip, in upload order; file_id is written the moment NCMEC answers the upload.
create table report_file (
    report_id    uuid        not null references report (id) on delete cascade,
    position     int         not null,
    url          text        not null,
    file_name    text        not null,
    sha256       char(64),
    md5          char(32),
    details      jsonb       not null default '{}'::jsonb,  -- fileinfo fields (relevance, classification, …)
    file_id      text,                                    -- 32 hex (P§1.2 [C])
    partner_md5  char(32),                                -- the hash NCMEC answered on upload
    uploaded_at  timestamptz,
    described_at timestamptz,                             -- fileinfo done
    primary key (report_id, position)
);

-- Every exchange with the partner about a report (a batch call is one row per report in it).
create table report_attempt (
    report_id     uuid        not null references report (id) on delete cascade,
    number        int         not null,
    work_id       uuid,
    worker        text,
    started_at    timestamptz not null,
    duration_ms   bigint      not null,
    step          text        not null,   -- submit-batch | existing-puid | evidence | submit | upload | fileinfo | finish | retract | wait
    file_position int,
    batch_size    int,
    outcome       text        not null,   -- ok | already | duplicate | rejected | retry | auth | gone | lost
    http_status   int,
    partner_code  text,
    request_id    text,
    message       text,                    -- ≤1000 chars, never content or credentials
    primary key (report_id, number)
);

-- Per partner: the last failure, for GET /v1/providers (one upsert per failed exchange, read without scanning).
create table reporting_partner_state (
    partner         text        primary key,
    last_error      text,
    last_error_at   timestamptz,
    last_report_id  uuid,
    last_http_status int,
    last_partner_code text
);
