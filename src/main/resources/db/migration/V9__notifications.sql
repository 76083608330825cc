-- Notifications (docs/architecture.md, "Notifications"): what each person asked for, the
-- devices they turned push on for, and one row per notification planned for them, which is
-- both the delivery record ("I never got it") and the guard that sends it once.

-- A person's choices; a person without a row has the defaults of their capacity.
create table notification_settings (
    user_id            uuid primary key references app_user (id),
    time_zone          varchar(64) not null,
    language           varchar(10) not null,
    quiet_start        time,
    quiet_end          time,
    digest_time        time not null,
    -- e.g. 'MON,TUE,WED,THU,FRI'
    digest_days        varchar(30) not null,
    weekly_summary_day varchar(3) not null,
    include_content    boolean not null,
    -- category -> channel -> mode, complete (NotificationSettings.Categories as JSON)
    categories         jsonb not null,
    updated_at         timestamptz not null,
    check ((quiet_start is null) = (quiet_end is null))
);

-- A browser's Web Push subscription (its PushSubscription JSON), one row per endpoint.
create table push_subscription (
    id         uuid primary key,
    user_id    uuid not null references app_user (id),
    endpoint   varchar(2048) not null unique,
    p256dh     varchar(120) not null,
    auth       varchar(60) not null,
    created_at timestamptz not null
);
create index push_subscription_by_user on push_subscription (user_id);

create table notification (
    id                   uuid primary key,
    user_id              uuid not null references app_user (id),
    child_id             uuid references child (id),
    category             varchar(20) not null,
    channel              varchar(10) not null,
    -- The live event it tells of (an instant notification) ...
    event_id             bigint,
    -- ... or the person's local date it sums up (a digest or a weekly summary), from when.
    digest_date          date,
    period_start         timestamptz,
    -- Opaque references the client fetches the content with (never the content itself).
    conversation_id      uuid,
    message_id           uuid,
    observation_id       uuid,
    goal_id              uuid,
    status               varchar(10) not null check (status in ('HELD', 'QUEUED', 'SENT', 'FAILED')),
    created_at           timestamptz not null,
    held_until           timestamptz,
    sent_at              timestamptz,
    bypassed_quiet_hours boolean not null default false,
    attempts             integer not null default 0,
    -- Why the last attempt failed, in words without personal data ("the mail server refused").
    last_error           varchar(200),
    check (event_id is not null or digest_date is not null)
);
-- Once per person, event and channel; once per person, kind of digest, day and channel:
-- two nodes planning the same event or day insert one row, and only its inserter queues it.
create unique index notification_once_per_event on notification (user_id, event_id, channel)
    where event_id is not null;
create unique index notification_once_per_day on notification (user_id, category, digest_date, channel)
    where digest_date is not null;
create index notification_history on notification (user_id, created_at desc, id desc);
create index notification_held on notification (user_id) where status = 'HELD';

-- The last day each person's daily digest and weekly summary were planned (whether or not
-- there was anything to tell), so the digest planner asks each person once a day.
create table notification_digest_day (
    user_id    uuid not null references app_user (id),
    category   varchar(20) not null,
    last_date  date not null,
    planned_at timestamptz not null,
    primary key (user_id, category)
);

-- "Cheers on my entries since the last digest": from a person's entries to their cheers
-- (cheer's unique (observation_id, author_id) index), not through every recent cheer.
create index observation_by_author on observation (author_id, child_id) where deleted_at is null;
-- "Who joined or left the team since": a child's memberships, removed ones included.
create index team_membership_by_child_all on team_membership (child_id);

-- How far the planner has read the live events: it takes this row (FOR UPDATE SKIP LOCKED),
-- so one node plans at a time, and moves it in the transaction that writes the notifications.
create table notification_planner (
    single          boolean primary key default true check (single),
    planned_through bigint not null
);
insert into notification_planner (planned_through) select coalesce(max(id), 0) from live_event;

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler 16, PostgreSQL): the job queue
-- that sends notifications, with retries, across nodes and restarts.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
