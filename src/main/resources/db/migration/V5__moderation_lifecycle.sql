-- The persisted moderation lifecycle: received (in memory only) -> pending -> completed | failed.
-- A sync moderation is still written once, completed, by the same statement as before: every new column has a
-- default or stays null for it. An async moderation is written pending, with what its job needs, in the statement
-- that queues the job; the job stores each provider result as it arrives and ends the moderation completed (or
-- failed, with the reason) in one statement that also purges the content.
alter table moderation
    alter column decision drop not null,
    add column mode text not null default 'sync',
    add column callback_url text,
    -- The request's content parts ({"parts": [{"type":"text","text":...}, {"type":"image","url":...}]}), kept only
    -- while pending work needs them and set to null when that work ends; content_sha256 is kept for good.
    add column content jsonb,
    -- The policy's providers when the request was accepted, in policy order: the job runs these, and GET shows the
    -- progress of each (positions in provider_outcome are indexes into this list). Null for sync moderations.
    add column planned_providers text[],
    add column failure_reason text,
    add constraint moderation_status check (status in ('pending', 'completed', 'failed')),
    add constraint moderation_decided check (status <> 'completed' or decision is not null),
    -- content exactly while pending: kept until the work ends, and never stored for work that is already done
    add constraint moderation_content_while_pending check ((status = 'pending') = (content is not null)),
    add constraint moderation_pending_planned check (status <> 'pending' or planned_providers is not null);
