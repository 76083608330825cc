-- Goal progress reads every observation of a goal in its window (a goal with 1,000
-- observations reads 1,000 rows), but only these columns. Carrying them in the goal index
-- lets PostgreSQL answer from the index alone instead of visiting 1,000 scattered heap rows
-- (measured in docs/benchmarks.md). The key is unchanged, so goal-filtered lists use it as before.
drop index observation_by_goal;
create index observation_by_goal on observation (child_id, goal_id, occurred_at desc, id desc)
    include (kind, prompt_level, setting, author_id, author_capacity) where deleted_at is null;
