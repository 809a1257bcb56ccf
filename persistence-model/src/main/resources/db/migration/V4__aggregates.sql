-- Nova host aggregates. The availability zone is stored only as the metadata key
-- 'availability_zone' (as Nova does); the API derives the availability_zone field from it.
create table aggregates (
    id         serial       primary key,
    uuid       uuid         not null unique,
    name       varchar(255) not null unique,
    created_at timestamptz  not null default now(),
    updated_at timestamptz
);
create table aggregate_hosts (
    aggregate_id integer      not null references aggregates (id) on delete cascade,
    host         varchar(255) not null,
    created_at   timestamptz  not null default now(),
    primary key (aggregate_id, host)
);
create index aggregate_hosts_host_idx on aggregate_hosts (host);
create table aggregate_metadata (
    aggregate_id integer      not null references aggregates (id) on delete cascade,
    key          varchar(255) not null,
    value        varchar(255) not null,
    created_at   timestamptz  not null default now(),
    primary key (aggregate_id, key)
);
