#!/usr/bin/env bash
# EXPLAIN (ANALYZE) of the main read queries on the generated district, for one caller of
# each scenario (the first row of each bench_input table, made by src/bench/run.sh).
# Fails when a plan reads a table of the district sequentially (from 1,000 children on):
# every one must be an index scan bounded by the child (or the caller) and the page.
#
#   src/bench/explain.sh > target/bench/explain.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh
# The columns of a cited observation in the progress views (ProgressRepository.REF_COLUMNS):
# the new-setting check is a sub-plan per row, which must stay an index probe.
REF="o.id, o.goal_id, o.kind, o.text, o.domain, o.setting, o.prompt_level, o.regulation, o.first_time,
case when o.goal_id is null
  then not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id is null and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
  else not exists (select 1 from observation p
                   where p.child_id = o.child_id and p.goal_id = o.goal_id and p.setting = o.setting
                     and p.kind = 'WIN' and p.deleted_at is null and (p.occurred_at, p.id) < (o.occurred_at, o.id))
end as new_setting, o.occurred_at, o.author_id, o.author_capacity"
plans=$(psql -X -q -v ON_ERROR_STOP=1 <<SQL
set search_path to $BENCH_SCHEMA;
select child_id as child, user_id as teacher from bench_input.teacher_child where n = 1 \gset
select user_id as parent from bench_input.parent where n = 1 \gset
select user_id as teacher30 from bench_input.teacher where n = 1 \gset
select child_id as goal_child, goal_id as goal from bench_input.goal_input where n = 1 \gset
select child_id as chart_child, g1, g2, g3, g4, g5 from bench_input.chart_input where n = 1 \gset
\echo '== timeline page (limit 50): the merge of three index-ordered branches'
explain (analyze, buffers, costs off, timing off, summary off)
select * from (
  (select 'OBSERVATION' as type, o.id, o.occurred_at as at from observation o
   where o.child_id = :'child' and o.deleted_at is null order by o.occurred_at desc, o.id desc limit 51)
  union all
  (select 'CHEER', c.id, c.created_at from cheer c join observation o on o.id = c.observation_id and o.child_id = c.child_id
   where c.child_id = :'child' and o.deleted_at is null order by c.created_at desc, c.id desc limit 51)
  union all
  (select 'MESSAGE', m.id, m.created_at from message m
   where m.child_id = :'child' and m.deleted_at is null and m.observation_id is null
     and m.conversation_id = (select cv.id from conversation cv where cv.child_id = :'child' and cv.kind = 'TEAM')
   order by m.created_at desc, m.id desc limit 51)
) t order by at desc, id desc limit 51;
\echo '== timeline rows by id (one array parameter)'
explain (analyze, buffers, costs off, timing off, summary off)
select * from observation where child_id = :'child'
  and id = any(array(select id from observation where child_id = :'child' and deleted_at is null
                      order by occurred_at desc, id desc limit 50));
\echo '== children of a teacher (30)'
explain (analyze, buffers, costs off, timing off, summary off)
select c.*, tm.role from child c join team_membership tm on tm.child_id = c.id
where tm.user_id = :'teacher30' and tm.removed_at is null and tm.role in ('teacher') and c.archived_at is null
order by c.created_at desc, c.id desc fetch first 31 rows only;
\echo '== unread counts of a parent of two (only unread messages are read)'
explain (analyze, buffers, costs off, timing off, summary off)
select c.id, u.unread from team_membership tm
join child ch on ch.id = tm.child_id and ch.archived_at is null
join conversation c on c.child_id = tm.child_id
left join conversation_read r on r.conversation_id = c.id and r.user_id = :'parent'
cross join lateral (select count(*) as unread from message m
                    where m.child_id = c.child_id and m.conversation_id = c.id
                      and m.created_at > coalesce(r.last_read_at, '-infinity')
                      and m.deleted_at is null and m.author_id <> :'parent') u
where tm.user_id = :'parent' and tm.removed_at is null and tm.role = any(array['parent']) and u.unread > 0
  and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p where p.conversation_id = c.id and p.user_id = :'parent'));
\echo '== goal progress evidence cells (1,000 observations, a year)'
explain (analyze, buffers, costs off, timing off, summary off)
select o.goal_id, cast(o.occurred_at at time zone 'America/Chicago' as date), o.kind, o.prompt_level, o.setting,
       o.regulation, o.author_id, o.author_capacity, count(*)
from observation o where o.child_id = :'goal_child' and o.deleted_at is null and o.goal_id in (:'goal')
  and o.occurred_at >= now() - interval '364 days' and o.occurred_at < now()
group by 1, 2, 3, 4, 5, 6, 7, 8;
\echo '== hard moments of a child (28 days, at most 100; goal progress, and the chart with a goal MET)'
explain (analyze, buffers, costs off, timing off, summary off)
select $REF
from observation o
where o.child_id = :'goal_child' and o.deleted_at is null and o.occurred_at >= now() - interval '27 days' and o.occurred_at < now()
  and (o.kind = 'SETBACK' or o.regulation in ('DYSREGULATED', 'SHUTDOWN'))
order by o.occurred_at desc, o.id desc limit 100;
\echo '== progress chart evidence cells (5 goals, one with 1,000 observations, 52 weeks)'
explain (analyze, buffers, costs off, timing off, summary off)
select o.goal_id, cast(o.occurred_at at time zone 'America/Chicago' as date), o.kind, o.prompt_level, o.setting,
       o.regulation, o.author_id, o.author_capacity, count(*)
from observation o where o.child_id = :'chart_child' and o.deleted_at is null
  and o.goal_id in (:'g1', :'g2', :'g3', :'g4', :'g5')
  and o.occurred_at >= now() - interval '364 days' and o.occurred_at < now()
group by 1, 2, 3, 4, 5, 6, 7, 8;
\echo '== progress chart: candidates for the most telling win (5 goals, 50 each)'
explain (analyze, buffers, costs off, timing off, summary off)
select $REF
from (select o.*, row_number() over (partition by o.goal_id order by (o.occurred_at >= now() - interval '90 days') desc,
        case o.prompt_level when 'INDEPENDENT' then 0 when 'GESTURAL' then 1 when 'VERBAL' then 2 when 'VISUAL' then 3
          when 'MODEL' then 4 when 'PARTIAL_PHYSICAL' then 5 when 'FULL_PHYSICAL' then 6 else 7 end,
        o.occurred_at desc, o.id desc) as rank
      from observation o where o.child_id = :'chart_child' and o.goal_id in (:'g1', :'g2', :'g3', :'g4', :'g5')
       and o.deleted_at is null and o.kind = 'WIN' and o.occurred_at < now()) o
where o.rank <= 50 order by o.occurred_at desc, o.id desc;
\echo '== progress chart: the newest first time of each goal (5 goals, 52 weeks)'
explain (analyze, buffers, costs off, timing off, summary off)
select $REF
from goal g cross join lateral (select * from observation o
  where o.child_id = g.child_id and o.goal_id = g.id and o.deleted_at is null
    and o.occurred_at >= now() - interval '364 days' and o.occurred_at < now() and o.kind = 'WIN' and o.first_time
  order by o.occurred_at desc, o.id desc limit 1) o
where g.child_id = :'chart_child' and g.id in (:'g1', :'g2', :'g3', :'g4', :'g5')
order by o.occurred_at desc, o.id desc;
\echo '== progress chart: the newest wins on no goal (10)'
explain (analyze, buffers, costs off, timing off, summary off)
select $REF
from observation o
where o.child_id = :'chart_child' and o.kind = 'WIN' and o.goal_id is null and o.deleted_at is null and o.occurred_at < now()
order by o.occurred_at desc, o.id desc limit 10;
SQL
)
echo "$plans"
# A table of a few hundred rows (a district at scale 0.01) is rightly read whole; from 1,000
# children on, every main query must be bounded by an index.
children=$(sql "select count(*) from child")
if ((children >= 1000)) && grep -E "Seq Scan on (observation|message|cheer|team_membership|conversation|conversation_read|access_log|child|app_user)\b" <<< "$plans"; then
  echo "a main query reads a table sequentially" >&2
  exit 1
fi
