-- Live events (docs/architecture.md, "Live events"): one row per change a team member may
-- care about, written in the transaction of the change. The table is the truth; NOTIFY only
-- wakes the nodes, which then read it.

-- Ids are taken from this sequence only while holding the transaction-scoped advisory lock
-- the insert itself takes (LiveEventRepository), so they become visible in the order they
-- were handed out: a reader that has seen id n will never later find a smaller one.
create sequence live_event_id_seq;

create table live_event (
    id              bigint primary key,
    child_id        uuid not null references child (id),
    type            varchar(40) not null,
    occurred_at     timestamptz not null,
    -- Who may see it: members whose capacity is one of these roles (the permission that reads
    -- the resource); null with a recipient means that one person, member or not (a removed
    -- member is told so).
    roles           varchar(20)[],
    -- Only this person (their own unread counts, a removed member's notice).
    recipient_id    uuid references app_user (id),
    -- A PRIVATE conversation limits its message events to its participants.
    conversation_id uuid references conversation (id),
    message_id      uuid,
    observation_id  uuid,
    cheer_id        uuid,
    goal_id         uuid,
    membership_id   uuid,
    check (roles is not null or recipient_id is not null)
);
-- Replay and polling: a person's children, newest ids past a point.
create index live_event_by_child on live_event (child_id, id);
create index live_event_by_recipient on live_event (recipient_id, id) where recipient_id is not null;

-- How far the retention job has deleted: a client whose last id is below it may have missed
-- events and is told to refetch ("reset").
create table live_event_horizon (
    single         boolean primary key default true check (single),
    purged_through bigint not null
);
insert into live_event_horizon (purged_through) values (0);

-- Wakes every listening node once per transaction that wrote events (NOTIFY folds repeats).
create function live_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('smallwins_live_events', '');
    return null;
end $$;
create trigger live_event_notify after insert on live_event
    for each statement execute function live_event_notify();

-- The paper-reality gap as last announced, per goal: progress.flagged / progress.cleared are
-- emitted when the progress rules' answer differs from this (progress/GapWatch).
create table goal_gap_flag (
    goal_id    uuid primary key references goal (id),
    child_id   uuid not null references child (id),
    flagged    boolean not null,
    changed_at timestamptz not null
);
create index goal_gap_flag_flagged on goal_gap_flag (child_id) where flagged;

-- When a node last checked every watched child's gaps for flips that only time makes (no win
-- at the goal's level for 14 days): the node that moves it does the round.
create table gap_watch_round (
    single     boolean primary key default true check (single),
    checked_at timestamptz not null
);
insert into gap_watch_round (checked_at) values ('-infinity');
