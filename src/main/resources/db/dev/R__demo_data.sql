-- Demo data for ./mvnw quarkus:dev only (this folder is not on the migration path elsewhere).
-- The dev OIDC service's users: alice (admin), tina (teacher), paul (para), theo (therapist),
-- pam (parent) and olga (a parent on no team). Memberships are bound by subject, so the
-- users are created here as they will appear on first sign-in.
insert into app_user (id, subject, name, username, email, email_verified, created_at) values
    ('00000000-0000-4000-8000-00000000a001', 'alice', 'Alice Admin', 'alice', 'alice@example.com', true, now()),
    ('00000000-0000-4000-8000-00000000a002', 'tina', 'Tina Teacher', 'tina', 'tina@example.com', true, now()),
    ('00000000-0000-4000-8000-00000000a003', 'paul', 'Paul Para', 'paul', 'paul@example.com', true, now()),
    ('00000000-0000-4000-8000-00000000a004', 'theo', 'Theo Therapist', 'theo', 'theo@example.com', true, now()),
    ('00000000-0000-4000-8000-00000000a005', 'pam', 'Pam Parent', 'pam', 'pam@example.com', true, now())
on conflict (subject) do nothing;

insert into child (id, display_name, preferred_name, date_of_birth, communication_modes, communication_notes,
                   what_helps, celebrate_with, time_zone, created_at, updated_at, version) values
    ('00000000-0000-4000-8000-0000000c0001', 'Arjun Sharma', 'Arjun', '2019-03-14', 'SPEECH,PICTURES',
     'Short phrases; uses a picture board to choose. Give him time to answer.',
     'A visual schedule, a first-then board, a quiet corner when the room gets loud.',
     'High fives and a minute with his spinning top.', 'Europe/London', now(), now(), 0)
on conflict (id) do nothing;

insert into team_membership (id, child_id, user_id, role, relationship, created_at, created_by)
select v.id::uuid, '00000000-0000-4000-8000-0000000c0001', u.id, v.role, v.relationship, now(),
       '00000000-0000-4000-8000-00000000a001'
from (values ('00000000-0000-4000-8000-0000000f0001', 'tina', 'teacher', 'class teacher'),
             ('00000000-0000-4000-8000-0000000f0002', 'paul', 'para', 'classroom para'),
             ('00000000-0000-4000-8000-0000000f0003', 'theo', 'therapist', 'SLP'),
             ('00000000-0000-4000-8000-0000000f0004', 'pam', 'parent', 'mother')) as v (id, subject, role, relationship)
join app_user u on u.subject = v.subject
on conflict do nothing;

-- Goals on paper and real life beside them (the stories of ../shared/seeds/), so progress
-- views and the IEP progress report have something to say: colours rising week by week (000),
-- asking for help with a setback on the way (002), and a goal met on paper while Arjun falls
-- apart after group reading (003). Times are relative to the first dev start.
insert into goal (id, child_id, title, plain_language, domain, baseline, mastery_prompt_level, mastery_settings,
                  mastery_people, mastery_weeks, mastery_min_attempts, strategies, status, status_changed_at,
                  start_date, target_date, created_at, created_by, created_capacity, updated_at, version) values
    ('00000000-0000-4000-8000-0000000b0001', '00000000-0000-4000-8000-0000000c0001',
     'Given a field of four, Arjun will identify basic colours with 80% accuracy in 4 of 5 trials',
     'Name basic colours', 'ACADEMIC', 'Matches colours; does not name them yet.', 'INDEPENDENT', 2, 2, 3, 2,
     '["colour cards at circle time","name colours on the walk to the bus"]', 'ACTIVE', now() - interval '70 days',
     current_date - 70, current_date + 150, now() - interval '70 days', '00000000-0000-4000-8000-00000000a002',
     'teacher', now(), 0),
    ('00000000-0000-4000-8000-0000000b0002', '00000000-0000-4000-8000-0000000c0001',
     'Arjun will use a two-word phrase to request help in 4 of 5 opportunities across settings',
     'Ask for help with two words', 'COMMUNICATION', 'Pulls an adult''s hand or freezes.', 'VERBAL', 2, 2, 3, 2,
     '["first-then board","wait ten seconds before helping"]', 'ACTIVE', now() - interval '60 days',
     current_date - 60, current_date + 120, now() - interval '60 days', '00000000-0000-4000-8000-00000000a004',
     'therapist', now(), 0),
    ('00000000-0000-4000-8000-0000000b0003', '00000000-0000-4000-8000-0000000c0001',
     'Arjun will remain seated and engaged during group reading for 20 minutes in 4 of 5 sessions',
     'Sit for 20 minutes in group reading', 'ACADEMIC', 'Sits for about 5 minutes.', 'INDEPENDENT', 1, 1, 2, 2,
     '["wobble cushion","visual timer"]', 'MET', now() - interval '6 days',
     current_date - 80, current_date + 60, now() - interval '80 days', '00000000-0000-4000-8000-00000000a002',
     'teacher', now(), 0)
on conflict (id) do nothing;

insert into observation (id, child_id, goal_id, kind, text, domain, setting, prompt_level, regulation, first_time,
                         support, occurred_at, source, author_id, author_capacity, created_at, updated_at, version)
select ('00000000-0000-4000-8000-0000000d' || lpad(v.n::text, 4, '0'))::uuid, '00000000-0000-4000-8000-0000000c0001',
       case v.goal when 0 then null else ('00000000-0000-4000-8000-0000000b000' || v.goal)::uuid end,
       v.kind, v.text, v.domain, v.setting, v.prompt, v.regulation, v.first_time, v.support,
       date_trunc('day', now()) - make_interval(days => v.days_ago) + interval '10 hours', v.source, u.id, v.capacity,
       now(), now(), 0
from (values
    (1, 1, 'WIN', 'Named red after I showed him the card', 'ACADEMIC', 'CLASSROOM', 'MODEL', 'CALM', false, null, 63, 'DIRECT', 'paul', 'para'),
    (2, 1, 'WIN', 'Pointed to the red card when asked', 'ACADEMIC', 'CLASSROOM', 'VISUAL', 'CALM', false, null, 61, 'DIRECT', 'paul', 'para'),
    (3, 1, 'WIN', 'Picked the yellow block with the colour card beside him', 'ACADEMIC', 'CLASSROOM', 'VISUAL', 'CALM', false, null, 56, 'DIRECT', 'tina', 'teacher'),
    (4, 1, 'WIN', 'Said "red" after a reminder', 'ACADEMIC', 'CLASSROOM', 'VERBAL', 'CALM', false, null, 49, 'DIRECT', 'paul', 'para'),
    (5, 1, 'WIN', 'Said "green" after a reminder', 'ACADEMIC', 'CLASSROOM', 'VERBAL', 'UNSETTLED', false, null, 47, 'DIRECT', 'paul', 'para'),
    (6, 1, 'WIN', 'Named blue with just a point to the chart', 'ACADEMIC', 'CLASSROOM', 'GESTURAL', 'CALM', false, null, 28, 'DIRECT', 'paul', 'para'),
    (7, 1, 'WIN', 'Pointed to the sky and said "blue"', 'ACADEMIC', 'HOME', 'INDEPENDENT', 'CALM', false, 'I waited and pointed up with him', 24, 'JOURNAL', 'pam', 'parent'),
    (8, 1, 'WIN', 'Raised his hand at circle time and answered "blue"', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', true, null, 21, 'DIRECT', 'tina', 'teacher'),
    (9, 1, 'WIN', 'Named the red bus on the way home', 'ACADEMIC', 'COMMUNITY', 'INDEPENDENT', 'CALM', false, 'We played "spot the colour" on the walk', 19, 'JOURNAL', 'pam', 'parent'),
    (10, 1, 'WIN', 'Named four colours in the sorting game', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', false, null, 14, 'DIRECT', 'tina', 'teacher'),
    (11, 1, 'WIN', 'Sorted shapes by colour and named each pile', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', false, null, 12, 'DIRECT', 'paul', 'para'),
    (12, 2, 'WIN', 'Said "help" after I modelled "help me"', 'COMMUNICATION', 'THERAPY', 'MODEL', 'CALM', false, null, 55, 'DIRECT', 'theo', 'therapist'),
    (13, 2, 'WIN', 'Handed me the jar and touched the "help" picture', 'COMMUNICATION', 'THERAPY', 'VISUAL', 'CALM', false, null, 41, 'DIRECT', 'theo', 'therapist'),
    (14, 2, 'SETBACK', 'Cried instead of asking for help with his coat', 'COMMUNICATION', 'CLASSROOM', null, 'UNSETTLED', false, null, 33, 'DIRECT', 'paul', 'para'),
    (15, 2, 'WIN', 'Said "help me" with the jar lid', 'COMMUNICATION', 'HOME', 'VERBAL', 'CALM', true, 'I waited and held out my hand', 26, 'JOURNAL', 'pam', 'parent'),
    (16, 2, 'WIN', 'Asked "help please" with the zip after a reminder', 'COMMUNICATION', 'CLASSROOM', 'VERBAL', 'CALM', false, null, 13, 'DIRECT', 'paul', 'para'),
    (17, 2, 'WIN', 'Said "help me" at snack time with a look from me', 'COMMUNICATION', 'CLASSROOM', 'GESTURAL', 'CALM', false, null, 6, 'DIRECT', 'tina', 'teacher'),
    (18, 3, 'WIN', 'Sat for the whole 20 minutes', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', false, null, 20, 'DIRECT', 'tina', 'teacher'),
    (19, 3, 'WIN', 'Sat for 20 minutes with the wobble cushion', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', false, null, 18, 'DIRECT', 'tina', 'teacher'),
    (20, 3, 'WIN', 'Sat for the whole story again', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', false, null, 13, 'DIRECT', 'tina', 'teacher'),
    (21, 3, 'WIN', 'Sat all through group reading', 'ACADEMIC', 'CLASSROOM', 'INDEPENDENT', 'CALM', false, null, 11, 'DIRECT', 'paul', 'para'),
    (22, 0, 'SETBACK', 'Shut down after group reading, head on the desk', 'EMOTIONAL_REGULATION', 'CLASSROOM', null, 'SHUTDOWN', false, null, 5, 'DIRECT', 'paul', 'para'),
    (23, 0, 'SETBACK', 'Refused to come back into class', 'EMOTIONAL_REGULATION', 'CLASSROOM', null, 'DYSREGULATED', false, null, 4, 'DIRECT', 'tina', 'teacher'),
    (24, 0, 'WIN', 'Tolerated a new food: a pea', 'SELF_CARE', 'HOME', null, 'CALM', true, 'Put it on his plate, no pressure', 9, 'JOURNAL', 'pam', 'parent'),
    (25, 0, 'WIN', 'Slept through the night', 'SELF_CARE', 'HOME', null, 'CALM', false, null, 2, 'DIRECT', 'pam', 'parent'),
    (26, 0, 'WIN', 'Smiled after school and said "I had fun"', 'SOCIAL', 'HOME', null, 'CALM', false, null, 1, 'DIRECT', 'pam', 'parent')
) as v (n, goal, kind, text, domain, setting, prompt, regulation, first_time, support, days_ago, source, subject, capacity)
join app_user u on u.subject = v.subject
on conflict (id) do nothing;

-- The team's forming, as live events (GET /api/v1/me/events?after=0 shows them to each member;
-- README, "Watch it live"). Written once, whatever the number of dev restarts.
insert into live_event (id, child_id, type, occurred_at, roles, membership_id)
select nextval('live_event_id_seq'), '00000000-0000-4000-8000-0000000c0001', 'team.changed', m.created_at,
       '{teacher,para,therapist,parent}', m.id
from team_membership m
where m.child_id = '00000000-0000-4000-8000-0000000c0001'
  and not exists (select 1 from live_event e where e.membership_id = m.id and e.type = 'team.changed')
order by m.id;

-- Those events are history, not news: nobody is notified of them (docs/notifications.md).
update notification_planner set planned_through = greatest(planned_through, (select coalesce(max(id), 0) from live_event));
