-- Photos and videos of a child (issue "Photos and videos of wins, with the family's consent").
-- A row is written only after its objects (original and two thumbnails) are stored; its
-- bytes live in the media store under <child_id>/<id>/… . When consent has been withdrawn
-- for the retention period the objects are deleted and the row keeps erased_at: the record
-- of the erasure (what was erased and when, never the bytes).
create table media (
    id                 uuid primary key,
    child_id           uuid not null references child (id),
    kind               varchar(10) not null,
    content_type       varchar(40) not null,
    size               bigint not null,
    width              integer not null,
    height             integer not null,
    duration_seconds   double precision,
    -- SHA-256 of the stored original (its ETag); and of the bytes as uploaded (idempotent retries)
    sha256             varchar(64) not null,
    uploaded_by        uuid not null references app_user (id),
    uploaded_capacity  varchar(20) not null,
    uploaded_at        timestamptz not null,
    erased_at          timestamptz,
    check (kind in ('IMAGE', 'VIDEO')),
    check (size > 0 and width > 0 and height > 0),
    check ((kind = 'VIDEO') = (duration_seconds is not null))
);
create index media_by_child on media (child_id, uploaded_at desc, id desc);

-- Photos and videos attached to an observation (or journal entry) or a message, in order.
create table media_attachment (
    media_id        uuid not null references media (id),
    observation_id  uuid references observation (id),
    message_id      uuid references message (id),
    position        smallint not null,
    check (num_nonnulls(observation_id, message_id) = 1)
);
create unique index media_attachment_of_observation on media_attachment (observation_id, position)
    where observation_id is not null;
create unique index media_attachment_of_message on media_attachment (message_id, position)
    where message_id is not null;
create index media_attachment_by_media on media_attachment (media_id);
