-- Progress aggregation reads wins by child and time (celebration summaries) and checks for
-- earlier wins in the same setting ("new setting"); these keep both to index range scans.
create index observation_wins_by_child on observation (child_id, occurred_at, id)
    where deleted_at is null and kind = 'WIN';
create index observation_wins_by_setting on observation (child_id, goal_id, setting, occurred_at, id)
    where deleted_at is null and kind = 'WIN';
