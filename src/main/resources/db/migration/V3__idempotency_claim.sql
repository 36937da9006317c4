-- Single-flight Idempotency-Keys: a request claims its key here, in one statement, before any vendor is called.
-- Concurrent requests with the same key find the claim and wait for its answer instead of calling the vendors
-- too. The claimant's insert of the moderation resolves the claim in the same statement; a failed flow deletes
-- its claim; a claim whose holder died expires and is taken over by the next request with that key.
create table idempotency_claim (
    client_name     text        not null,
    idempotency_key text        not null,
    request_sha256  char(64)    not null,
    -- the id the holder stores its answer under; once resolved, the id of the stored answer
    moderation_id   uuid        not null,
    claimed_at      timestamptz not null,
    expires_at      timestamptz not null,
    resolved_at     timestamptz,
    primary key (client_name, idempotency_key)
);

-- Keys used before claims existed: resolved claims of their stored answers, so they are never claimed again.
insert into idempotency_claim (client_name, idempotency_key, request_sha256, moderation_id, claimed_at, expires_at,
    resolved_at)
select client_name, idempotency_key, request_sha256, id, created_at, created_at, created_at
from moderation
where idempotency_key is not null;
