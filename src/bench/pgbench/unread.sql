-- GET /me/unread for a random parent of two children: the app's one statement (the
-- caller's id comes from a one-row "caller", as in the app, here read from the input table).
\set n random(1, :parent)
with caller as (select user_id from bench_input.parent where n = :n)
select c.id, c.child_id, c.kind, c.title, u.unread, u.urgent, u.last_at
from team_membership tm
join child ch on ch.id = tm.child_id and ch.archived_at is null
join conversation c on c.child_id = tm.child_id
left join conversation_read r on r.conversation_id = c.id and r.user_id = (select user_id from caller)
cross join lateral (select count(*) as unread, count(*) filter (where m.urgent) as urgent, max(m.created_at) as last_at
                    from message m
                    where m.child_id = c.child_id and m.conversation_id = c.id
                      and m.created_at > coalesce(r.last_read_at, '-infinity')
                      and m.deleted_at is null and m.author_id <> (select user_id from caller)) u
where tm.user_id = (select user_id from caller) and tm.removed_at is null and tm.role = any(array['parent']) and u.unread > 0
  and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p
                                  where p.conversation_id = c.id and p.user_id = (select user_id from caller)))
order by u.urgent > 0 desc, u.last_at desc, c.id;
