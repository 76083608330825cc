-- Media consent per child (issue "Photos and videos of wins, with the family's consent"):
-- every change kept, the newest row is the child's consent. A child gets a first row when
-- the record is opened, with the deployment's default (smallwins.media.default-consent), so
-- changing that setting later never changes an existing child's consent.
create table media_consent_change (
    id                          uuid primary key,
    child_id                    uuid not null references child (id),
    consent                     varchar(10) not null,
    allow_sharing_outside_team  boolean not null,
    -- null: the deployment's default, recorded when the record was opened (or by this migration)
    changed_by                  uuid references app_user (id),
    changed_capacity            varchar(20),
    changed_at                  timestamptz not null,
    check ((changed_by is null) = (changed_capacity is null)),
    check (consent in ('NONE', 'TEAM')),
    check (consent = 'TEAM' or not allow_sharing_outside_team)
);
create index media_consent_by_child on media_consent_change (child_id, changed_at desc, id desc);

-- Children opened before consent existed have none: no photos until a parent says so.
insert into media_consent_change (id, child_id, consent, allow_sharing_outside_team, changed_at)
select gen_random_uuid(), c.id, 'NONE', false, c.created_at from child c;
