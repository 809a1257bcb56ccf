-- Nova flavors. Written by the api-service only (admin create/delete, extra specs, access
-- lists); servers copy the flavor they were booted with into their own row, so deleting a
-- flavor never changes a server.
create table flavors (
    id           bigserial primary key,
    flavorid     varchar(255) not null unique,       -- the API id ("1", or a uuid)
    name         varchar(255) not null unique,
    vcpus        integer      not null,
    memory_mb    integer      not null,
    root_gb      integer      not null default 0,
    ephemeral_gb integer      not null default 0,
    swap         integer      not null default 0,    -- MiB; Nova shows 0 as ""
    rxtx_factor  double precision not null default 1.0,
    is_public    boolean      not null default true,
    disabled     boolean      not null default false,
    description  text,
    extra_specs  jsonb        not null default '{}',
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz
);

-- Projects that may use a private flavor (os-flavor-access).
create table flavor_projects (
    flavor_id  bigint      not null references flavors (id) on delete cascade,
    project_id varchar(64) not null,
    primary key (flavor_id, project_id)
);

-- The default set, shaped for containers rather than VMs (memory in tens of MiB, not GiB).
-- Created with the schema, so on first start; an operator may delete or replace them.
insert into flavors (flavorid, name, vcpus, memory_mb, root_gb) values
    ('0', 'm1.nano',   1,   64, 1),
    ('1', 'm1.tiny',   1,  128, 1),
    ('2', 'm1.small',  1,  512, 5),
    ('3', 'm1.medium', 2, 1024, 10),
    ('4', 'm1.large',  2, 2048, 20);
