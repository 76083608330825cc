-- The IEP progress report (docs/progress.md, rule 14; docs/architecture.md, "The progress report").

-- A disclosure is the record leaving the app as a document (the progress report, the record
-- export): its access-log entry says why.
alter table access_log add column purpose varchar(60);

-- The narrative a teacher, therapist or admin wrote for one goal in one report period, in place
-- of the generated one. Every save is a new row: the newest row of (goal, period) is the
-- narrative, the older ones are its history.
create table report_narrative (
    id              uuid primary key,
    child_id        uuid not null references child (id),
    goal_id         uuid not null references goal (id),
    period_from     date not null,
    period_to       date not null,
    text            text not null,
    author_id       uuid not null references app_user (id),
    author_capacity varchar(20) not null,
    written_at      timestamptz not null,
    check (period_from <= period_to)
);
create index report_narrative_by_period
    on report_narrative (child_id, period_from, period_to, goal_id, written_at desc, id desc);
