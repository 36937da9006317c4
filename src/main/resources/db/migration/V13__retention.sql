-- Retention (issue 12): what the scheduled purge (dev.warden.retention) needs to find old data without scanning what
-- it already purged, and to say what it purged. See "Retention" in README.md for the ages and why.

-- How far the sweeps over moderations (oldest first) have come, per kind: stored context and vendor raw answers are
-- purged once per moderation, in (created_at, id) order, so a sweep never reads the purged rows again. The row lock
-- (for update skip locked) keeps two replicas from sweeping one kind at once.
create table retention_progress (
    kind               text        primary key,
    through_created_at timestamptz not null,
    through_id         uuid        not null
);
insert into retention_progress (kind, through_created_at, through_id) values
    ('context', '-infinity', '00000000-0000-0000-0000-000000000000'),
    ('vendor-answers', '-infinity', '00000000-0000-0000-0000-000000000000');

-- Pending moderations, oldest first: the sweeps stop before the oldest (its work may still need what they purge), and
-- pending work older than warden.retention.pending-content is failed. Holds only pending rows: a sync moderation,
-- stored completed, never enters it.
create index moderation_pending on moderation (created_at) where status = 'pending';

-- A partner's event body is purged once it was processed or refused; the row and its metadata stay.
alter table webhook_event add column body_purged_at timestamptz;
create index webhook_event_body_kept on webhook_event (processed_at)
    where status in ('processed', 'refused') and body_purged_at is null;

-- A report's content (and its files' URLs and details) is purged once it ended; the record stays until
-- warden.retention.reports, if that is set.
alter table report add column content_purged_at timestamptz;
create index report_content_kept on report (ended_at)
    where status in ('accepted', 'failed', 'dead', 'retracted') and content_purged_at is null;
create index report_ended on report (ended_at) where status in ('accepted', 'failed', 'dead', 'retracted');

-- Deleting a decision sets moderation_id null on the reports filed about it: without an index on the column (V11's
-- unique index on it is partial) each deleted moderation would scan every report.
create index report_moderation on report (moderation_id);
