-- Zun capsules: a group of containers scheduled as one unit onto one host.
-- Written by the api-service (insert, Deleting) and the conductor (host, status, members
-- from agent reports). The members live inside the capsule row (spec and members), not in
-- containers: they are only ever read and changed together with their capsule.
create table capsules (
    id                 bigserial primary key,
    uuid               uuid         not null unique,
    name               varchar(255),
    project_id         varchar(64)  not null,
    user_id            varchar(64)  not null,
    labels             jsonb        not null default '{}',
    annotations        jsonb        not null default '{}',
    restart_policy     varchar(32)  not null,
    cpu                double precision not null,
    memory             integer      not null,          -- MiB
    availability_zone  varchar(255),
    spec               jsonb        not null,          -- common-model CapsuleSpec
    members            jsonb        not null default '[]', -- common-model CapsuleMemberState, last report
    status             varchar(32)  not null,
    status_reason      text,
    task_state         varchar(64),
    host               varchar(255),
    addresses          jsonb        not null default '{}',
    status_observed_at timestamptz,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz
);
create index capsules_project_idx on capsules (project_id);
create index capsules_name_idx on capsules (name);
