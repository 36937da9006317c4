-- Every moderation request Warden answered, with its decision. Content is kept only as its SHA-256.
create table moderation (
    id               uuid primary key,
    client_name      text        not null,
    idempotency_key  text,
    request_sha256   char(64)    not null,
    content_sha256   char(64)    not null,
    policy           text        not null,
    context          jsonb       not null default '{}'::jsonb,
    status           text        not null,
    decision         text        not null,
    degraded         boolean     not null,
    categories       jsonb       not null,
    taxonomy_version text        not null,
    created_at       timestamptz not null,
    completed_at     timestamptz,
    constraint moderation_idempotency unique (client_name, idempotency_key)
);

create index moderation_created_at on moderation (created_at);
create index moderation_content_sha256 on moderation (content_sha256);

-- One row per provider a moderation planned: what it answered, or why it did not.
create table provider_outcome (
    id             uuid primary key,
    moderation_id  uuid        not null references moderation (id) on delete cascade,
    position       int         not null,
    provider       text        not null,
    outcome        text        not null,
    latency_ms     bigint      not null,
    attempts       int         not null,
    scores         jsonb       not null,
    vendor_scores  jsonb       not null,
    model          text,
    error_kind     text,
    error_message  text,
    retry_after_ms bigint,
    constraint provider_outcome_position unique (moderation_id, position)
);

create index provider_outcome_provider on provider_outcome (provider, outcome);
