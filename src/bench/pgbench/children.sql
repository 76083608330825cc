-- GET /children?limit=30 for a random teacher with 30 children: the app's one statement (the
-- caller's id comes from a one-row sub-select on the input table).
\set n random(1, :teacher)
select c1_0.id, c1_0.archived_at, c1_0.celebrate_with, c1_0.communication_modes, c1_0.communication_notes, c1_0.created_at,
       c1_0.date_of_birth, c1_0.display_name, c1_0.preferred_name, c1_0.time_zone, c1_0.updated_at, c1_0.version,
       c1_0.what_helps, tm1_0.role
from child c1_0 join team_membership tm1_0 on tm1_0.child_id = c1_0.id
where tm1_0.user_id = (select user_id from bench_input.teacher where n = :n) and tm1_0.removed_at is null and tm1_0.role in ('teacher') and c1_0.archived_at is null
order by c1_0.created_at desc, c1_0.id desc fetch first 31 rows only;
