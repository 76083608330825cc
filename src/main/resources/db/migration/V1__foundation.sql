-- Foundation: people, children, care teams, the access log, idempotent POSTs.
-- Every child-scoped table carries child_id and is queried by it (room to shard by child).

create table app_user (
    id             uuid primary key,
    subject        varchar(255) not null unique,
    name           varchar(255),
    username       varchar(255),
    email          varchar(255),
    email_verified boolean not null default false,
    created_at     timestamptz not null
);
create index app_user_verified_email on app_user (lower(email)) where email_verified;

create table child (
    id                  uuid primary key,
    display_name        varchar(120) not null,
    preferred_name      varchar(120),
    date_of_birth       date,
    communication_modes varchar(200) not null default '',
    communication_notes varchar(2000),
    what_helps          varchar(4000),
    celebrate_with      varchar(2000),
    time_zone           varchar(64) not null default 'UTC',
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    archived_at         timestamptz,
    version             bigint not null default 0
);
create index child_active_newest on child (created_at desc, id desc) where archived_at is null;

create table team_membership (
    id            uuid primary key,
    child_id      uuid not null references child (id),
    user_id       uuid references app_user (id),
    invited_email varchar(255),
    role          varchar(20) not null check (role in ('teacher', 'para', 'therapist', 'parent')),
    relationship  varchar(100) not null,
    created_at    timestamptz not null,
    created_by    uuid not null references app_user (id),
    removed_at    timestamptz,
    check (user_id is not null or invited_email is not null)
);
-- One current membership per person per child, one open invitation per address per child.
create unique index team_membership_person on team_membership (child_id, user_id)
    where removed_at is null and user_id is not null;
create unique index team_membership_invitation on team_membership (child_id, lower(invited_email))
    where removed_at is null and user_id is null;
-- The access check and "my children" lists start from the user.
create index team_membership_by_user on team_membership (user_id, child_id) where removed_at is null;
create index team_membership_by_child on team_membership (child_id, created_at desc, id desc)
    where removed_at is null;
create index team_membership_open_invitations on team_membership (lower(invited_email))
    where removed_at is null and user_id is null;

create table access_log (
    id          uuid primary key,
    child_id    uuid not null references child (id),
    actor_id    uuid not null references app_user (id),
    capacity    varchar(20) not null,
    action      varchar(60) not null,
    target_type varchar(40) not null,
    target_id   uuid,
    occurred_at timestamptz not null
);
create index access_log_by_child on access_log (child_id, occurred_at desc, id desc);

create table idempotency_record (
    user_id      uuid not null references app_user (id),
    idem_key     varchar(255) not null,
    request_hash varchar(64) not null,
    response     text,
    created_at   timestamptz not null,
    primary key (user_id, idem_key)
);
