-- GET /children?limit=30 for a random teacher with 30 children: the app's one statement
-- (ChildRepository.pageForMember, read outside a transaction). As in the app, the caller's id
-- comes from a one-row sub-select (here on the input table) and the token's roles are a
-- constant array, so PostgreSQL keeps one generic plan.
\set n random(1, :teacher)
select c.id, c.display_name, c.preferred_name, c.date_of_birth, c.communication_modes, c.communication_notes,
       c.what_helps, c.celebrate_with, c.time_zone, c.archived_at, c.created_at, c.updated_at, c.version, m.role
from child c join team_membership m on m.child_id = c.id
where m.user_id = (select user_id from bench_input.teacher where n = :n)
  and (m.removed_at is null and m.role = any('{teacher}'::text[])) and c.archived_at is null
order by c.created_at desc, c.id desc limit 31;
