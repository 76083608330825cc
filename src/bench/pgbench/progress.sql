-- GET /children/{id}/goals/{goalId}/progress?from=<a year ago>&bucket=WEEK for a goal with
-- 1,000 observations: the app's statements in one transaction (asof: the last data day + 1,
-- the app's "today"). Evidence cells look back a year, warnings over the 28-day gap window
-- (at most 20), first times since `from`, the most telling win over everything up to today.
\set n random(1, :goal_input)
BEGIN;
select i.user_id, i.child_id, i.goal_id, c.archived_at is not null as archived, m.role
from bench_input.goal_input i join child c on c.id = i.child_id
left join team_membership m on m.child_id = c.id and m.user_id = i.user_id and m.removed_at is null
where i.n = :n \gset
select id, archived_at, celebrate_with, communication_modes, communication_notes, created_at, date_of_birth, display_name,
       preferred_name, time_zone, updated_at, version, what_helps from child where id = :child_id;
select id, baseline, child_id, created_at, created_by, created_capacity, domain, mastery_people, mastery_prompt_level,
       mastery_settings, mastery_success_ratio, mastery_weeks, plain_language, start_date, status, strategies, target_date,
       title, updated_at, version from goal where id = :goal_id and child_id = :child_id fetch first 1 rows only;
select o.goal_id, cast(o.occurred_at at time zone 'America/Chicago' as date) as day, o.kind, o.prompt_level,
       o.setting, o.author_id, o.author_capacity, count(*)
from observation o
where o.child_id = :child_id and o.goal_id in (:goal_id) and o.deleted_at is null
  and o.occurred_at >= :asof::date - 364 and o.occurred_at < :asof::date + 1
group by 1, 2, 3, 4, 5, 6, 7;
select o.id, o.goal_id, o.kind, o.text, o.domain, o.setting, o.prompt_level, o.regulation, o.first_time,
case when o.goal_id is null
  then not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id is null and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
  else not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id = o.goal_id and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
end as new_setting, o.occurred_at, o.author_id, o.author_capacity
from goal g cross join lateral (select * from observation o
  where o.child_id = g.child_id and o.goal_id = g.id and o.deleted_at is null
    and o.occurred_at >= :asof::date - 27 and o.occurred_at < :asof::date + 1 and (o.kind = 'SETBACK' or o.regulation in ('DYSREGULATED', 'SHUTDOWN'))
  order by o.occurred_at desc, o.id desc limit 20) o
where g.child_id = :child_id and g.id in (:goal_id)
order by o.occurred_at desc, o.id desc;
select o.id, o.goal_id, o.kind, o.text, o.domain, o.setting, o.prompt_level, o.regulation, o.first_time,
case when o.goal_id is null
  then not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id is null and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
  else not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id = o.goal_id and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
end as new_setting, o.occurred_at, o.author_id, o.author_capacity
from goal g cross join lateral (select * from observation o
  where o.child_id = g.child_id and o.goal_id = g.id and o.deleted_at is null
    and o.occurred_at >= :asof::date - 364 and o.occurred_at < :asof::date + 1 and o.kind = 'WIN' and o.first_time
  order by o.occurred_at desc, o.id desc limit 5) o
where g.child_id = :child_id and g.id in (:goal_id)
order by o.occurred_at desc, o.id desc;
select o.id, o.goal_id, o.kind, o.text, o.domain, o.setting, o.prompt_level, o.regulation, o.first_time,
case when o.goal_id is null
  then not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id is null and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
  else not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id = o.goal_id and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
end as new_setting, o.occurred_at, o.author_id, o.author_capacity
from (select o.*, row_number() over (partition by o.goal_id order by (o.occurred_at >= :asof::date - 90) desc,
        case o.prompt_level when 'INDEPENDENT' then 0 when 'GESTURAL' then 1 when 'VERBAL' then 2 when 'VISUAL' then 3
          when 'MODEL' then 4 when 'PARTIAL_PHYSICAL' then 5 when 'FULL_PHYSICAL' then 6 else 7 end,
        o.occurred_at desc, o.id desc) as rank
      from observation o where o.child_id = :child_id and o.goal_id in (:goal_id) and o.deleted_at is null
       and o.kind = 'WIN' and o.occurred_at < :asof::date + 1) o
where o.rank <= 50 order by o.occurred_at desc, o.id desc;
select id, created_at, email, email_verified, name, subject, username from app_user
where id in (select user_id from team_membership where child_id = :child_id and removed_at is null);
COMMIT;
