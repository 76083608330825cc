-- A school district for load benchmarks, generated inside PostgreSQL in bulk.
--
--   psql -v schema=smallwins_bench -v scale=1 -v asof=2026-11-24 -f src/bench/district.sql
--
-- At scale 1: 10,000 children in classes of 20-30 (one teacher and one para per class),
-- care teams of 4-8 people (teacher, para, one or two parents, one to four therapists;
-- one family in ten has two children), 5 goals per child with 3 steps each, 1,000,000
-- observations (wins, setbacks, notes, journal entries) and 1,000,000 messages over the
-- three school years before `asof`, cheers on one win in five, read markers, and one
-- change-log entry per observation and message. One child in a hundred has a goal with
-- 1,000 observations in its last year (the "goal progress" scenario).
--
-- Deterministic: the same scale and asof give the same rows and ids (ids are md5 of a
-- name, e.g. md5('sw-bench:child:42')::uuid), so benchmark tools can compute them. The
-- schema must exist (Flyway creates it when the app first starts on it); every table in it
-- is emptied first.
\set ON_ERROR_STOP on
\if :{?scale}
\else
  \set scale 1
\endif
\if :{?asof}
\else
  \set asof `date -u +%F`
\endif
set search_path to :"schema";
set synchronous_commit = off;
set work_mem = '256MB';

truncate media_attachment, media, media_consent_change, report_narrative,
         access_log, idempotency_record, live_event, goal_gap_flag, conversation_read, message_edit, message,
         conversation_participant, conversation, cheer, observation, goal_revision, goal_step, goal, team_membership,
         notification, notification_digest_day, notification_settings, push_subscription, scheduled_tasks,
         child, app_user;
update notification_planner set planned_through = 0;

-- Sizes and the time span: three school years up to asof (exclusive).
create temp table g_size as
select greatest(10, round(10000 * :scale))::int as children,
       greatest(1000, round(1000000 * :scale))::int as observations,
       greatest(1000, round(1000000 * :scale))::int as messages,
       (:'asof'::date - interval '3 years')::timestamptz as t0,
       :'asof'::date::timestamptz as t1;

create temp table g_word (list text, n int, word text);
insert into g_word
select 'first', ord, w from unnest(array['Arjun','Maya','Leo','Zara','Noah','Aisha','Sam','Lena','Omar','Ivy',
  'Theo','Nia','Ezra','Mila','Kai','Ruby','Finn','Sofia','Jonah','Amara','Eli','Hana','Luca','Priya','Milo','Esme',
  'Reuben','Talia','Yusuf','Clara','Ben','Freya']) with ordinality as u(w, ord)
union all
select 'last', ord, w from unnest(array['Okafor','Nguyen','Schmidt','Garcia','Haddad','Kowalski','Patel','Moreau',
  'Jensen','Rossi','Tanaka','Murphy','Silva','Novak','Ahmed','Berg']) with ordinality as u(w, ord)
union all
select 'win', ord, w from unnest(array['Sorted shapes by colour on his own','Asked for help using words',
  'Waited for a turn in a board game','Moved from play to lunch without a meltdown','Made eye contact when greeting',
  'Answered out loud in circle time','Tried a new food at lunch','Played beside a peer for ten minutes',
  'Used the AAC device to ask for a break','Put on shoes independently','Followed a two-step instruction',
  'Counted to twenty','Wrote first name on the worksheet','Used the visual schedule to start the next task',
  'Said goodbye to the bus driver','Slept through the night','Washed hands without a reminder',
  'Joined the group song','Pointed to the sky and said blue','Zipped the coat']) with ordinality as u(w, ord)
union all
select 'setback', ord, w from unnest(array['Needed a break after the fire drill','Refused to join circle time',
  'Hard transition from recess','Upset by the change of teacher','Did not want to try the new food',
  'Covered ears during assembly']) with ordinality as u(w, ord)
union all
select 'note', ord, w from unnest(array['Tired after the long weekend','New seat near the window',
  'Trialled noise-cancelling headphones','Started the new visual schedule','Parent meeting moved to Thursday']) with ordinality as u(w, ord)
union all
select 'support', ord, w from unnest(array['Showed the first-then board','Counted down from five',
  'Modelled it once, then waited','Offered two choices','Used the picture cards','Gave extra processing time']) with ordinality as u(w, ord)
union all
select 'message', ord, w from unnest(array['Great morning today, lots of smiles.','Reminder: swimming kit tomorrow.',
  'He was a bit tired after lunch.','Can we try the new visual schedule at home too?',
  'Thanks for the tip about the timer, it worked!','Speech session moved to Wednesday this week.',
  'She asked for help twice today, using words.','Rough night, may need extra time this morning.',
  'Field trip form signed and in the bag.','Loved the photo of the block tower!']) with ordinality as u(w, ord);
create temp table g_words as select list, array_agg(word order by n) as words from g_word group by list;

-- Classes: teacher t has 20-30 children (every eleventh teacher, starting with t = 3, has 30).
create temp table g_class as
select t, size, sum(size) over (order by t) - size as start
from (select t, 20 + (t * 7) % 11 as size
      from generate_series(1, (select children from g_size) / 20 + 1) t) s;

-- One row per child with the indexes of everyone on its team.
create temp table g_child as
select i,
       md5('sw-bench:child:' || i)::uuid as id,
       c.t as teacher,
       case when i % 10 = 2 then i - 1 else i end as family,
       1 + i % 4 as therapists,
       greatest(4, (select children from g_size) / 20) as therapist_pool
from g_class c, generate_series(1, c.size) k, lateral (select (c.start + k)::int as i) x
where c.start + k <= (select children from g_size);
alter table g_child add primary key (i);
create unique index on g_child (id);

-- People: subjects name their place in the district; tokens are minted for these subjects.
create temp table g_person (subject text primary key, role text, name text);
insert into g_person
select 'bench-admin-' || n, 'admin', 'District Admin ' || n from generate_series(1, 2) n
union all
select 'bench-teacher-' || t, 'teacher', 'Teacher ' || (select words[1 + t % 32] from g_words where list = 'first')
       || ' ' || (select words[1 + t % 16] from g_words where list = 'last') from g_class
where start < (select children from g_size)
union all
select 'bench-para-' || t, 'para', 'Para ' || t from g_class where start < (select children from g_size)
union all
select 'bench-therapist-' || n, 'therapist', 'Therapist ' || n
from generate_series(1, greatest(4, (select children from g_size) / 20)) n
union all
select 'bench-parent-' || family || '-' || p, 'parent', 'Parent ' || p || ' of family ' || family
from (select distinct family from g_child) f, lateral (select 'a' as p union all select 'b' where family % 3 <> 0) x;

insert into app_user (id, subject, name, username, email, email_verified, created_at)
select md5('sw-bench:user:' || subject)::uuid, subject, name, subject, subject || '@district.example', true,
       (select t0 from g_size) - interval '60 days'
from g_person;

insert into child (id, display_name, preferred_name, date_of_birth, communication_modes, communication_notes,
                   what_helps, celebrate_with, time_zone, created_at, updated_at, version)
select c.id,
       f.words[1 + (c.i * 7) % 32] || ' ' || l.words[1 + c.i % 16],
       case when c.i % 4 = 0 then f.words[1 + (c.i * 7) % 32] end,
       :'asof'::date - ((5 + c.i % 10) * 365 + c.i % 300),
       (array['SPEECH', 'SPEECH,PICTURES', 'AAC_DEVICE,GESTURES', 'SIGN,PICTURES', 'PICTURES,GESTURES'])[1 + c.i % 5],
       'Needs a few seconds to answer; do not repeat the question.',
       'A visual schedule, warnings before transitions, a quiet corner.',
       'High fives and a minute with the spinning top.',
       'America/Chicago',
       (select t0 from g_size) - interval '30 days', (select t0 from g_size) - interval '30 days', 0
from g_child c, g_words f, g_words l
where f.list = 'first' and l.list = 'last';

-- Care teams: teacher, para, parent a (and b in two families of three), 1-4 therapists.
create temp table g_member as
select c.i, c.id as child_id, m.role, m.relationship, m.subject,
       md5('sw-bench:membership:' || c.i || ':' || m.subject)::uuid as id,
       md5('sw-bench:user:' || m.subject)::uuid as user_id, m.slot
from g_child c,
lateral (select 'teacher' as role, 'class teacher' as relationship, 'bench-teacher-' || c.teacher as subject, 0 as slot
         union all select 'para', 'classroom para', 'bench-para-' || c.teacher, 1
         union all select 'parent', 'mother', 'bench-parent-' || c.family || '-a', 2
         union all select 'parent', 'father', 'bench-parent-' || c.family || '-b', 3 where c.family % 3 <> 0
         union all select 'therapist', (array['SLP', 'OT', 'PT', 'behaviour therapist'])[k + 1],
                          'bench-therapist-' || ((c.i * 13 + k * (c.therapist_pool / 4)) % c.therapist_pool + 1), 4 + k
                   from generate_series(0, c.therapists - 1) k) m;
create index on g_member (i, slot);

insert into team_membership (id, child_id, user_id, invited_email, role, relationship, created_at, created_by)
select id, child_id, user_id, null, role, relationship, (select t0 from g_size) - interval '30 days',
       md5('sw-bench:user:bench-admin-1')::uuid
from g_member;

-- A compact "who is in slot s of child i" lookup for the bulk inserts below.
create temp table g_team as
select i, array_agg(user_id order by slot) as ids, array_agg(role order by slot) as roles, count(*)::int as size
from g_member group by i;
alter table g_team add primary key (i);

-- Goals: five per child, the current IEP (started a year before asof). The fifth goal of
-- every seventh child is already MET on paper (since its creation: status_changed_at, as its
-- one revision says), so the progress chart checks the paper-reality gap for those children.
create temp table g_goal as
select c.i, g, md5('sw-bench:goal:' || c.i || ':' || g)::uuid as id, c.id as child_id,
       (array['COMMUNICATION', 'SOCIAL', 'EMOTIONAL_REGULATION', 'ACADEMIC', 'SELF_CARE', 'MOTOR'])[1 + (c.i + g) % 6] as domain
from g_child c, generate_series(1, 5) g;
alter table g_goal add primary key (i, g);

insert into goal (id, child_id, title, plain_language, domain, baseline, mastery_prompt_level, mastery_settings,
                  mastery_people, mastery_weeks, mastery_success_ratio, mastery_min_attempts, strategies, status,
                  status_changed_at, start_date, target_date, created_at, created_by, created_capacity, updated_at, version)
select g.id, g.child_id,
       case g.domain
         when 'COMMUNICATION' then 'Student will request help or a break using words, signs or AAC in 4 of 5 opportunities'
         when 'SOCIAL' then 'Student will take turns with a peer during a structured activity for 5 minutes'
         when 'EMOTIONAL_REGULATION' then 'Student will use a calming strategy when upset, with no more than one prompt'
         when 'ACADEMIC' then 'Student will sort objects by colour, shape and size with 80% accuracy'
         when 'SELF_CARE' then 'Student will complete the hand-washing routine independently'
         else 'Student will use a tripod grasp to write their first name' end,
       'Practise this every day, at school and at home.', g.domain,
       'Needs full physical help most of the time.', 'INDEPENDENT', 2, 2, 3, 0.80, 2,
       '["visual schedule","first-then board"]',
       case when g.g = 5 and g.i % 7 = 0 then 'MET' else 'ACTIVE' end,
       :'asof'::date - interval '365 days',
       :'asof'::date - 365, :'asof'::date + 180,
       :'asof'::date - interval '365 days', md5('sw-bench:user:bench-teacher-' || c.teacher)::uuid, 'teacher',
       :'asof'::date - interval '365 days', 0
from g_goal g join g_child c on c.i = g.i;

insert into goal_step (id, child_id, goal_id, position, description)
select md5('sw-bench:step:' || g.i || ':' || g.g || ':' || p)::uuid, g.child_id, g.id, p,
       (array['With full help', 'With a visual or spoken prompt', 'On their own'])[p]
from g_goal g, generate_series(1, 3) p;

insert into goal_revision (id, child_id, goal_id, revision, changed_at, changed_by, capacity, changes)
select md5('sw-bench:revision:' || g.id)::uuid, g.child_id, g.id, 1, gl.created_at, gl.created_by, 'teacher',
       json_build_object('title', json_build_object('from', null, 'to', gl.title),
                         'domain', json_build_object('from', null, 'to', gl.domain),
                         'status', json_build_object('from', null, 'to', gl.status))::text
from g_goal g join goal gl on gl.id = g.id;

-- Observations. Each row draws its fields from md5 of its number: who recorded it follows
-- the setting (home: a parent, therapy: a therapist, class: the teacher or para), prompts
-- fade over the three years, one in ten is not tied to a goal.
create temp table g_obs as
select n as j, i, goal, at, h
from (
  -- the everyday stream, spread evenly over the children and the three years
  select n, (n - 1) % s.children + 1 as i,
         case when (h1 % 10) < 9 then 1 + (h1 / 10) % 5 end as goal,
         s.t0 + make_interval(secs => (h2 % (extract(epoch from s.t1 - s.t0)::bigint - 3600))) as at,
         h3 as h
  from g_size s,
       generate_series(1, greatest(0, s.observations - 1000 * ((s.children + 99) / 100))) n,
       lateral (select ('x' || substr(md5('o' || n), 1, 8))::bit(32)::bigint as h1,
                       ('x' || substr(md5('o' || n), 9, 8))::bit(32)::bigint as h2,
                       ('x' || substr(md5('o' || n), 17, 8))::bit(32)::bigint as h3) x
  union all
  -- one child in a hundred: goal 1 with 1,000 observations over the last year
  select 100000000 + c.i * 1000 + k, c.i, 1,
         s.t1 - make_interval(secs => (k * 31449 + (('x' || substr(md5('h' || c.i || ':' || k), 1, 6))::bit(24)::int % 3600))),
         ('x' || substr(md5('h' || c.i || ':' || k), 9, 8))::bit(32)::bigint
  from g_size s, g_child c, generate_series(1, 1000) k
  where c.i % 100 = 1
) o;

insert into observation (id, child_id, goal_id, step_id, kind, text, domain, setting, prompt_level, regulation,
                         first_time, support, occurred_at, source, author_id, author_capacity, created_at,
                         updated_at, deleted_at, deleted_by, version)
select md5('sw-bench:observation:' || o.j)::uuid, c.id, g.id,
       case when g.id is not null and o.h % 3 = 0 then md5('sw-bench:step:' || o.i || ':' || o.goal || ':' || (1 + o.h % 3))::uuid end,
       x.kind,
       case x.kind when 'WIN' then w.words[1 + o.h / 7 % 20] when 'SETBACK' then sb.words[1 + o.h / 7 % 6]
                   else nt.words[1 + o.h / 7 % 5] end,
       coalesce(g.domain, 'OTHER'), x.setting,
       case when x.kind <> 'NOTE' then (array['INDEPENDENT', 'GESTURAL', 'VERBAL', 'VISUAL', 'MODEL', 'PARTIAL_PHYSICAL',
             'FULL_PHYSICAL'])[1 + floor((o.h / 101 % 1000) / 1000.0 * 7
                                       * (1 - 0.7 * extract(epoch from o.at - s.t0) / extract(epoch from s.t1 - s.t0)))::int] end,
       (array['CALM', 'CALM', 'CALM', 'CALM', 'CALM', 'CALM', 'CALM', 'UNSETTLED', 'UNSETTLED', 'DYSREGULATED', 'SHUTDOWN'])[1 + o.h / 13 % 11],
       x.kind = 'WIN' and o.h % 37 = 0,
       case when t.roles[x.slot + 1] = 'parent' or o.h % 2 = 0 then sp.words[1 + o.h / 17 % 6] end,
       o.at,
       case when t.roles[x.slot + 1] = 'parent' and o.h % 2 = 0 then 'JOURNAL' else 'DIRECT' end,
       t.ids[x.slot + 1], t.roles[x.slot + 1],
       o.at + interval '5 minutes', o.at + interval '5 minutes',
       case when o.h % 200 = 0 then o.at + interval '1 hour' end,
       case when o.h % 200 = 0 then t.ids[x.slot + 1] end,
       0
from g_obs o
cross join g_size s
join g_child c on c.i = o.i
join g_team t on t.i = o.i
left join g_goal g on g.i = o.i and g.g = o.goal
cross join lateral (
  select case when o.h % 100 < 62 then 'WIN' when o.h % 100 < 77 then 'SETBACK' else 'NOTE' end as kind,
         st.setting,
         -- position in the team (from 0): teacher, para, parent a, [parent b,] therapists...
         case st.setting when 'HOME' then case when t.roles[4] = 'parent' then 2 + o.h / 3 % 2 else 2 end
                         when 'COMMUNITY' then 2
                         when 'THERAPY' then (case when t.roles[4] = 'parent' then 4 else 3 end)
                                             + o.h / 5 % (t.size - case when t.roles[4] = 'parent' then 4 else 3 end)
                         when 'PLAYGROUND' then 1
                         else o.h / 3 % 2 end as slot
  from (select case when o.h / 1000 % 100 < 35 then 'CLASSROOM' when o.h / 1000 % 100 < 55 then 'HOME'
                    when o.h / 1000 % 100 < 70 then 'THERAPY' when o.h / 1000 % 100 < 82 then 'PLAYGROUND'
                    when o.h / 1000 % 100 < 92 then 'COMMUNITY' else 'OTHER' end as setting) st
) x
cross join (select words from g_words where list = 'win') w
cross join (select words from g_words where list = 'setback') sb
cross join (select words from g_words where list = 'note') nt
cross join (select words from g_words where list = 'support') sp;

-- One cheer on one win in five, by the teacher (or, for the teacher's own wins, a parent).
insert into cheer (id, child_id, observation_id, author_id, author_capacity, note, created_at)
select md5('sw-bench:cheer:' || o.id)::uuid, o.child_id, o.id,
       case when o.author_id = t.ids[1] then t.ids[3] else t.ids[1] end,
       case when o.author_id = t.ids[1] then 'parent' else 'teacher' end,
       'So proud of this!', least(o.created_at + interval '2 hours', (select t1 from g_size) - interval '1 minute')
from observation o
join g_child c on c.id = o.child_id
join g_team t on t.i = c.i
where o.kind = 'WIN' and o.deleted_at is null and abs(hashtext(o.id::text)) % 5 = 0;

-- Conversations: the team's, and a private one between the first parent and the teacher.
insert into conversation (id, child_id, kind, title, created_at, created_by, last_activity_at)
select md5('sw-bench:conversation:team:' || c.i)::uuid, c.id, 'TEAM', null, s.t0, null, s.t0
from g_child c, g_size s
union all
select md5('sw-bench:conversation:private:' || c.i)::uuid, c.id, 'PRIVATE', 'Home and class', s.t0, t.ids[1], s.t0
from g_child c join g_team t on t.i = c.i, g_size s;

insert into conversation_participant (conversation_id, child_id, user_id, added_at)
select md5('sw-bench:conversation:private:' || c.i)::uuid, c.id, t.ids[k], s.t0
from g_child c join g_team t on t.i = c.i, g_size s, (values (1), (3)) v(k);

-- Messages: four in five in the team conversation, from anyone on the team; the rest
-- between the first parent and the teacher. One in a hundred is urgent.
insert into message (id, child_id, conversation_id, author_id, author_capacity, body, urgent, created_at, deleted_at)
select md5('sw-bench:message:' || r.n)::uuid, c.id,
       case when r.private then md5('sw-bench:conversation:private:' || r.i)::uuid
            else md5('sw-bench:conversation:team:' || r.i)::uuid end,
       t.ids[sl.pos], t.roles[sl.pos],
       b.words[1 + r.h / 7 % 10], r.h / 11 % 100 = 0,
       r.t0 + make_interval(secs => (r.h2 % (extract(epoch from r.t1 - r.t0)::bigint - 3600))),
       case when r.h % 300 = 0 then r.t1 - interval '30 minutes' end
from (select n, (n - 1) % s.children + 1 as i, x.h, x.h2, x.h % 5 = 0 as private, s.t0, s.t1
      from g_size s, generate_series(1, s.messages) n,
           lateral (select ('x' || substr(md5('m' || n), 1, 8))::bit(32)::bigint as h,
                           ('x' || substr(md5('m' || n), 9, 8))::bit(32)::bigint as h2) x) r
join g_child c on c.i = r.i
join g_team t on t.i = r.i
cross join lateral (select case when r.private then (array[1, 3])[1 + r.h / 3 % 2]
                                else 1 + r.h / 3 % t.size end as pos) sl
cross join (select words from g_words where list = 'message') b;

update conversation cv set last_activity_at = m.last
from (select conversation_id, max(created_at) as last from message group by conversation_id) m
where cv.id = m.conversation_id;

-- Read markers: most people have read all but the last few messages of their conversations;
-- one in ten never opened the team conversation.
create temp table g_recent as
select conversation_id, id, created_at, rn
from (select conversation_id, id, created_at,
             row_number() over (partition by conversation_id order by created_at desc, id desc) as rn
      from message) m
where rn <= 6;
create index on g_recent (conversation_id, rn);

insert into conversation_read (conversation_id, user_id, child_id, last_read_at, last_read_message_id)
select r.conversation_id, m.user_id, m.child_id, r.created_at, r.id
from g_member m
join g_recent r on r.conversation_id = md5('sw-bench:conversation:team:' || m.i)::uuid
               and r.rn = 1 + abs(hashtext(m.id::text)) % 6
where abs(hashtext(m.id::text)) % 10 <> 0
union all
select r.conversation_id, m.user_id, m.child_id, r.created_at, r.id
from g_member m
join g_recent r on r.conversation_id = md5('sw-bench:conversation:private:' || m.i)::uuid
               and r.rn = 1 + abs(hashtext(m.id::text)) % 4
where m.slot in (0, 2);

-- The change log the app writes beside every observation and message.
insert into access_log (id, child_id, actor_id, capacity, action, target_type, target_id, occurred_at)
select md5('sw-bench:log:' || id)::uuid, child_id, author_id, author_capacity, 'observation.create', 'OBSERVATION', id, created_at
from observation
union all
select md5('sw-bench:log:' || id)::uuid, child_id, author_id, author_capacity, 'message.create', 'MESSAGE', id, created_at
from message;

analyze;

select (select count(*) from child) as children, (select count(*) from app_user) as people,
       (select count(*) from team_membership) as memberships, (select count(*) from goal) as goals,
       (select count(*) from observation) as observations, (select count(*) from cheer) as cheers,
       (select count(*) from message) as messages, (select count(*) from access_log) as access_log;
