-- Progress that tells the truth (issue 15).

-- A week counts toward a run only with enough attempts; goals written before this default
-- to two a week, as new ones do.
alter table goal add column mastery_min_attempts integer;
update goal set mastery_min_attempts = 2 where mastery_prompt_level is not null;

-- The paper-reality gap looks at what happened after the goal was marked MET or
-- MAINTAINING: the status keeps the moment it last changed. Earlier goals take it from
-- their history (the newest revision that changed the status), or their creation.
alter table goal add column status_changed_at timestamptz;
update goal g set status_changed_at = coalesce(
    (select max(r.changed_at) from goal_revision r
     where r.child_id = g.child_id and r.goal_id = g.id and (r.changes::jsonb) ? 'status'),
    g.created_at);
alter table goal alter column status_changed_at set not null;

-- A win carried by a message that was deleted is retracted with it: it counts nowhere. The
-- observation stays in the record, deleted by the message's author at the same moment.
update observation o set deleted_at = m.deleted_at, deleted_by = m.author_id
from message m
where m.child_id = o.child_id and m.observation_id = o.id
  and m.deleted_at is not null and o.deleted_at is null;

-- The evidence cells now carry regulation: keep them an index-only scan.
drop index observation_by_goal;
create index observation_by_goal on observation (child_id, goal_id, occurred_at desc, id desc)
    include (kind, prompt_level, setting, regulation, author_id, author_capacity) where deleted_at is null;

-- The chart's "not on paper": the newest wins no goal records, without walking past the
-- child's goal wins.
create index observation_wins_without_goal on observation (child_id, occurred_at desc, id desc)
    where deleted_at is null and kind = 'WIN' and goal_id is null;
