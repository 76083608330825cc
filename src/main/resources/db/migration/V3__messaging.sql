-- School-home messaging: one team conversation per child, smaller private ones,
-- messages (optionally carrying a win), edits kept, read markers.

create table conversation (
    id               uuid primary key,
    child_id         uuid not null references child (id),
    kind             varchar(10) not null check (kind in ('TEAM', 'PRIVATE')),
    title            varchar(200),
    created_at       timestamptz not null,
    created_by       uuid references app_user (id),
    last_activity_at timestamptz not null
);
create unique index conversation_one_team_per_child on conversation (child_id) where kind = 'TEAM';
create index conversation_by_child on conversation (child_id, last_activity_at desc, id desc);

-- Who is in a PRIVATE conversation (the team conversation is everyone on the team).
create table conversation_participant (
    conversation_id uuid not null references conversation (id),
    child_id        uuid not null references child (id),
    user_id         uuid not null references app_user (id),
    added_at        timestamptz not null,
    primary key (conversation_id, user_id)
);
create index conversation_participant_by_user on conversation_participant (user_id, child_id);

create table message (
    id              uuid primary key,
    child_id        uuid not null references child (id),
    conversation_id uuid not null references conversation (id),
    author_id       uuid not null references app_user (id),
    author_capacity varchar(20) not null,
    body            varchar(4000) not null,
    urgent          boolean not null default false,
    observation_id  uuid references observation (id),
    created_at      timestamptz not null,
    edited_at       timestamptz,
    deleted_at      timestamptz
);
create index message_by_conversation on message (child_id, conversation_id, created_at desc, id desc);

-- Earlier bodies of edited messages, for admins.
create table message_edit (
    id          uuid primary key,
    child_id    uuid not null references child (id),
    message_id  uuid not null references message (id),
    body        varchar(4000) not null,
    replaced_at timestamptz not null
);
create index message_edit_by_message on message_edit (child_id, message_id, replaced_at);

-- How far each person has read each conversation.
create table conversation_read (
    conversation_id      uuid not null references conversation (id),
    user_id              uuid not null references app_user (id),
    child_id             uuid not null references child (id),
    last_read_at         timestamptz not null,
    last_read_message_id uuid not null references message (id),
    primary key (conversation_id, user_id)
);

-- A win recorded through a message points back at it.
alter table observation add column message_id uuid;
