-- GET /children/{id}/timeline?limit=50 for a random (teacher, child) pair: the statements
-- the app runs, in one transaction. Ids found by one statement are handed to the next with
-- \gset (the app does the same in Java); authors are looked up among the child's team.
\set n random(1, :teacher_child)
BEGIN;
select i.user_id, i.child_id, c.archived_at is not null as archived, m.role
from bench_input.teacher_child i join child c on c.id = i.child_id
left join team_membership m on m.child_id = c.id and m.user_id = i.user_id and m.removed_at is null
where i.n = :n \gset
select coalesce(array_agg(id) filter (where type = 'OBSERVATION'), '{}') as obs,
       coalesce(array_agg(id) filter (where type = 'CHEER'), '{}') as cheers,
       coalesce(array_agg(id) filter (where type = 'MESSAGE'), '{}') as msgs
from (select * from (
  (select 'OBSERVATION' as type, o.id, o.occurred_at as at from observation o
   where o.child_id = :child_id and o.deleted_at is null
   order by o.occurred_at desc, o.id desc limit 51)
  union all
  (select 'CHEER', c.id, c.created_at from cheer c
   join observation o on o.id = c.observation_id and o.child_id = c.child_id
   where c.child_id = :child_id and o.deleted_at is null
   order by c.created_at desc, c.id desc limit 51)
  union all
  (select 'MESSAGE', m.id, m.created_at from message m
   where m.child_id = :child_id and m.deleted_at is null and m.observation_id is null
     and m.conversation_id = (select cv.id from conversation cv where cv.child_id = :child_id and cv.kind = 'TEAM')
   order by m.created_at desc, m.id desc limit 51)
) t order by at desc, id desc limit 51) page \gset
select id, author_capacity, author_id, child_id, created_at, deleted_at, deleted_by, domain, first_time, goal_id, kind,
       message_id, occurred_at, prompt_level, regulation, setting, source, step_id, support, text, updated_at, version
from observation where child_id = :child_id and id = any(:obs::uuid[]);
select id, author_capacity, author_id, child_id, created_at, note, observation_id from cheer
where child_id = :child_id and observation_id = any(:obs::uuid[])
union
select id, author_capacity, author_id, child_id, created_at, note, observation_id from cheer
where child_id = :child_id and id = any(:cheers::uuid[]) order by created_at, id;
select id, author_capacity, author_id, body, child_id, conversation_id, created_at, deleted_at, edited_at, observation_id, urgent
from message where child_id = :child_id and id = any(:msgs::uuid[]);
select id, created_at, email, email_verified, name, subject, username from app_user
where id in (select user_id from team_membership where child_id = :child_id and removed_at is null);
COMMIT;
