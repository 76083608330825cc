-- First-time wins are rare (a handful per goal among hundreds of entries): the progress
-- views and the chart ask for the newest of them per goal, which without this index walks
-- back through every entry of the goal's year.
create index observation_first_times_by_goal on observation (child_id, goal_id, occurred_at desc, id desc)
    where deleted_at is null and kind = 'WIN' and first_time;
