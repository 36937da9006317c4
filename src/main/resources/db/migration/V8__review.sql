-- Human review (issue 9): a moderation whose policy names a review desk and whose decision is `review` gets one row
-- here, opened `requested` by the statement that stores the moderation's decision and queues the request (outbox kind
-- review-request), and `completed` once, by the statement that applies the desk's review.completed event. The
-- moderation row keeps the automated decision; the API shows the human one as `decision` once completed.
create table review (
    moderation_id  uuid        primary key references moderation (id) on delete cascade,
    partner        text        not null,
    status         text        not null default 'requested',
    -- the human decision: allow | review | block, and the taxonomy categories the reviewer confirmed
    decision       text,
    categories     text[],
    reviewer       text,
    note           text,
    requested_at   timestamptz not null,
    completed_at   timestamptz,
    -- the inbox event (review.completed) that completed it: a replay of that same event is recognised as applied
    inbox_event_id uuid,
    constraint review_status check (status in ('requested', 'completed')),
    constraint review_completed check ((status = 'completed') = (decision is not null and completed_at is not null))
);
