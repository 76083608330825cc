-- GET /children/{id}/goals/{goalId}/progress?from=<asof - 364>&bucket=WEEK for a goal with
-- 1,000 observations: the app's statements in one transaction. No `to` is sent, so the app's
-- last day is today in the child's time zone (today: run.sh's); its instants are local
-- midnights, worked out here in the stand-in for the access check (from c.time_zone, as the
-- app does from the child's summary) and handed on as parameters. Evidence cells look back
-- from `from` (or 52 weeks, if earlier); the child's hard moments cover the 28-day gap window
-- (at most 100); first times since `from` (5); the most telling win's candidates (50) over
-- everything up to today. Names: the app names the people it cites, all on the child's team
-- (authors, made by run.sh). The access log's read entry is written in a batch, not here.
\set n random(1, :goal_input)
BEGIN;
select i.user_id, i.child_id, i.goal_id, i.authors, c.archived_at is not null as archived, m.role,
       (least(:asof::date - 364, :today::date - 364))::timestamp at time zone c.time_zone as lookback_at,
       (:asof::date - 364)::timestamp at time zone c.time_zone as start_at,
       (:today::date - 27)::timestamp at time zone c.time_zone as gap_at,
       (:today::date - 90)::timestamp at time zone c.time_zone as recent_at,
       (:today::date + 1)::timestamp at time zone c.time_zone as end_at
from bench_input.goal_input i join child c on c.id = i.child_id
left join team_membership m on m.child_id = c.id and m.user_id = i.user_id and m.removed_at is null
where i.n = :n \gset
select display_name, preferred_name, time_zone, celebrate_with from child where id = :child_id \gset
select id, baseline, child_id, created_at, created_by, created_capacity, domain, mastery_min_attempts, mastery_people,
       mastery_prompt_level, mastery_settings, mastery_success_ratio, mastery_weeks, plain_language, start_date, status,
       status_changed_at, strategies, target_date, title, updated_at, version
from goal where id = :goal_id and child_id = :child_id fetch first 1 rows only;
select o.goal_id, cast(o.occurred_at at time zone :time_zone as date) as day, o.kind, o.prompt_level,
       o.setting, o.regulation, o.author_id, o.author_capacity, count(*) as n
from observation o
where o.child_id = :child_id and o.deleted_at is null and o.goal_id in (:goal_id)
  and o.occurred_at >= :lookback_at and o.occurred_at < :end_at
group by 1, 2, 3, 4, 5, 6, 7, 8;
select o.id, o.goal_id, o.kind, o.text, o.domain, o.setting, o.prompt_level, o.regulation, o.first_time,
case when o.goal_id is null
  then not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id is null and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
  else not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id = o.goal_id and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
end as new_setting, o.occurred_at, o.author_id, o.author_capacity
from observation o
where o.child_id = :child_id and o.deleted_at is null and o.occurred_at >= :gap_at and o.occurred_at < :end_at
  and (o.kind = 'SETBACK' or o.regulation in ('DYSREGULATED', 'SHUTDOWN'))
order by o.occurred_at desc, o.id desc limit 100;
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
    and o.occurred_at >= :start_at and o.occurred_at < :end_at and o.kind = 'WIN' and o.first_time
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
from (select o.*, row_number() over (partition by o.goal_id order by (o.occurred_at >= :recent_at) desc,
        case o.prompt_level when 'INDEPENDENT' then 0 when 'GESTURAL' then 1 when 'VERBAL' then 2 when 'VISUAL' then 3
          when 'MODEL' then 4 when 'PARTIAL_PHYSICAL' then 5 when 'FULL_PHYSICAL' then 6 else 7 end,
        o.occurred_at desc, o.id desc) as rank
      from observation o where o.child_id = :child_id and o.goal_id in (:goal_id) and o.deleted_at is null
       and o.kind = 'WIN' and o.occurred_at < :end_at) o
where o.rank <= 50 order by o.occurred_at desc, o.id desc;
select id, name, username from app_user where id = any(:authors::uuid[]);
COMMIT;
