-- Goals on paper, observations in real life, cheers. Every table carries child_id.

create table goal (
    id                    uuid primary key,
    child_id              uuid not null references child (id),
    title                 varchar(500) not null,
    plain_language        varchar(2000),
    domain                varchar(30) not null,
    baseline              varchar(2000),
    mastery_prompt_level  varchar(30),
    mastery_settings      integer,
    mastery_people        integer,
    mastery_weeks         integer,
    mastery_success_ratio numeric(3, 2),
    strategies            text not null default '[]',
    status                varchar(20) not null,
    start_date            date,
    target_date           date,
    created_at            timestamptz not null,
    created_by            uuid not null references app_user (id),
    created_capacity      varchar(20) not null,
    updated_at            timestamptz not null,
    version               bigint not null default 0
);
create index goal_by_child on goal (child_id, created_at desc, id desc);

-- Steps keep their id for life; a step dropped from a goal is retired, not deleted, so
-- observations that name it still resolve.
create table goal_step (
    id          uuid primary key,
    child_id    uuid not null references child (id),
    goal_id     uuid not null references goal (id),
    position    integer not null,
    description varchar(500) not null,
    retired_at  timestamptz
);
create index goal_step_by_goal on goal_step (child_id, goal_id, position);

-- Every change to a goal, with who made it and what changed (JSON: field -> {from, to}).
create table goal_revision (
    id         uuid primary key,
    child_id   uuid not null references child (id),
    goal_id    uuid not null references goal (id),
    revision   bigint not null,
    changed_at timestamptz not null,
    changed_by uuid not null references app_user (id),
    capacity   varchar(20) not null,
    changes    text not null,
    unique (goal_id, revision)
);
create index goal_revision_by_goal on goal_revision (child_id, goal_id, revision desc);

create table observation (
    id              uuid primary key,
    child_id        uuid not null references child (id),
    goal_id         uuid references goal (id),
    step_id         uuid references goal_step (id),
    kind            varchar(10) not null,
    text            varchar(4000) not null,
    domain          varchar(30),
    setting         varchar(20) not null,
    prompt_level    varchar(30),
    regulation      varchar(20),
    first_time      boolean not null default false,
    support         varchar(2000),
    occurred_at     timestamptz not null,
    source          varchar(20) not null,
    author_id       uuid not null references app_user (id),
    author_capacity varchar(20) not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    deleted_at      timestamptz,
    deleted_by      uuid references app_user (id),
    version         bigint not null default 0
);
-- Lists and the timeline: newest first per child, live rows only.
create index observation_by_child on observation (child_id, occurred_at desc, id desc) where deleted_at is null;
create index observation_by_goal on observation (child_id, goal_id, occurred_at desc, id desc) where deleted_at is null;

create table cheer (
    id              uuid primary key,
    child_id        uuid not null references child (id),
    observation_id  uuid not null references observation (id),
    author_id       uuid not null references app_user (id),
    author_capacity varchar(20) not null,
    note            varchar(500) not null,
    created_at      timestamptz not null,
    unique (observation_id, author_id)
);
create index cheer_by_child on cheer (child_id, created_at desc, id desc);
create index cheer_by_observation on cheer (child_id, observation_id, created_at);
