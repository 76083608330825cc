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
