-- Nova's migration records (os-migrations): one row per resize of a server, kept after it ended,
-- as Nova keeps its migrations table. The api-service inserts a row when it accepts a resize (in
-- the transaction of the task state and the cast) and marks it confirming or reverting; the
-- conductor moves it through Nova's statuses as the resize goes (migrating, finished, confirmed,
-- reverted, error). A resize here never leaves its host, so source and destination are one host.
-- Windlass has no live migration and no cold migration to another host: migration_type is
-- always 'resize' for now, the column is there for the API's filter and view.
create table migrations (
    id                   bigserial    primary key,
    uuid                 uuid         not null unique,
    instance_uuid        uuid         not null,
    migration_type       varchar(32)  not null default 'resize'
        check (migration_type in ('migration', 'resize', 'live-migration', 'evacuation')),
    status               varchar(32)  not null,
    source_compute       varchar(255),
    dest_compute         varchar(255),
    source_node          varchar(255),
    dest_node            varchar(255),
    -- the destination host's address (Nova's my_ip of the destination), when it has one
    dest_host            varchar(255),
    -- flavors.id of the flavors before and after (null once a flavor is gone)
    old_instance_type_id bigint,
    new_instance_type_id bigint,
    hidden               boolean      not null default false,
    user_id              varchar(255),
    project_id           varchar(255) not null,
    created_at           timestamptz  not null default now(),
    -- null until the first change, as Nova's
    updated_at           timestamptz
);
-- os-migrations pages newest first (created_at, id descending); a server's are found by its uuid
create index migrations_by_created on migrations (created_at desc, id desc);
create index migrations_by_instance on migrations (instance_uuid, id desc);
