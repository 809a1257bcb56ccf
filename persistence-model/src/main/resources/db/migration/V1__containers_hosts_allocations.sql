-- Windlass shared schema. Every service that touches the database runs these
-- migrations at start (Flyway takes a PostgreSQL advisory lock, so concurrent
-- starts are safe). One state table per resource.

-- Zun containers. Written by the api-service (create, user-facing fields) and the
-- conductor (status, host, engine facts from agent reports).
create table containers (
    id                 bigserial primary key,
    uuid               uuid         not null unique,
    name               varchar(255),
    project_id         varchar(64)  not null,
    user_id            varchar(64)  not null,
    image              varchar(255) not null,
    image_driver       varchar(32),
    image_pull_policy  varchar(32),
    command            jsonb        not null default '[]',
    entrypoint         jsonb,
    cpu                double precision not null,
    memory             integer      not null,          -- MiB
    disk               integer      not null default 0, -- GiB
    workdir            varchar(255),
    hostname           varchar(255),
    environment        jsonb        not null default '{}',
    labels             jsonb        not null default '{}',
    restart_policy     jsonb,
    interactive        boolean      not null default false,
    tty                boolean      not null default false,
    auto_remove        boolean      not null default false,
    auto_heal          boolean      not null default false,
    runtime            varchar(64),
    security_groups    jsonb        not null default '[]',
    requested_nets     jsonb        not null default '[]',
    status             varchar(32)  not null,
    status_reason      text,
    status_detail      varchar(255),
    task_state         varchar(64),
    host               varchar(255),
    engine_id          varchar(128),
    addresses          jsonb        not null default '{}',
    ports              jsonb        not null default '[]',
    cpu_policy         varchar(16)  not null default 'shared',
    -- newest agent observation applied; older reports are ignored
    status_observed_at timestamptz,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz
);
create index containers_project_idx on containers (project_id);
create index containers_name_idx on containers (name);
create index containers_host_idx on containers (host);

-- Compute hosts as their agents report them (heartbeat upserted by the conductor)
-- plus what the scheduler has claimed on them.
create table compute_hosts (
    id                bigserial primary key,
    host              varchar(255) not null unique,
    driver            varchar(32)  not null,
    vcpus             double precision not null,
    memory_mb         bigint       not null,
    disk_gb           bigint       not null,
    vcpus_used        double precision not null default 0,  -- claimed by the scheduler
    memory_mb_used    bigint       not null default 0,
    disk_gb_used      bigint       not null default 0,
    running_workloads integer      not null default 0,       -- as the agent reported
    total_workloads   integer      not null default 0,
    images            jsonb        not null default '[]',
    disabled          boolean      not null default false,
    disabled_reason   varchar(255),
    last_heartbeat_at timestamptz  not null,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz
);

-- One claim per workload (container, capsule, server). The primary key makes a
-- redelivered scheduling request find its existing claim instead of a second one.
create table allocations (
    consumer_uuid uuid         primary key,
    consumer_type varchar(32)  not null,
    host          varchar(255) not null references compute_hosts (host),
    project_id    varchar(64),
    vcpus         double precision not null,
    memory_mb     bigint       not null,
    disk_gb       bigint       not null,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz
);
create index allocations_host_idx on allocations (host);
