-- Nova servers. Written by the api-service (insert as building/scheduling, user-facing
-- fields, task_state on actions, deleting) and the conductor (host, zone, vm_state,
-- power_state, addresses, fault from agent reports; soft delete when the host reports the
-- server gone). Deleted rows stay, as in Nova, so that changes-since and deleted=true can
-- show them; every list of live servers filters on deleted_at is null.
create table servers (
    id                 bigserial primary key,
    uuid               uuid         not null unique,
    name               varchar(255) not null,
    project_id         varchar(64)  not null,
    user_id            varchar(64)  not null,
    image_ref          varchar(64)  not null,            -- image catalogue id
    image              varchar(255) not null,            -- engine reference
    -- the flavor as it was at boot (Nova keeps a copy too; 2.47 shows it)
    flavor_id          varchar(255) not null,
    flavor_name        varchar(255) not null,
    vcpus              integer      not null,
    memory_mb          integer      not null,
    root_gb            integer      not null,
    ephemeral_gb       integer      not null default 0,
    swap               integer      not null default 0,
    flavor_extra_specs jsonb        not null default '{}',
    metadata           jsonb        not null default '{}',
    user_data          text,                             -- base64, as sent
    files              jsonb        not null default '[]', -- personality, common-model InjectedFile
    hostname           varchar(255) not null,
    description        varchar(255),
    access_ip_v4       varchar(64),
    access_ip_v6       varchar(64),
    disk_config        varchar(16)  not null default 'MANUAL',
    key_name           varchar(255),
    config_drive       boolean      not null default true,
    security_groups    jsonb        not null default '[]',
    scheduler_hints    jsonb        not null default '{}',
    requested_zone     varchar(255),
    requested_host     varchar(255),                     -- admin's forced host, or null
    network            varchar(16)  not null default 'auto', -- auto (engine default) or none
    availability_zone  varchar(255),                     -- of the host it landed on
    admin_password_set boolean      not null default false,
    reservation_id     varchar(32)  not null,
    launch_index       integer      not null default 0,
    vm_state           varchar(32)  not null,
    task_state         varchar(64),
    power_state        integer      not null default 0,
    progress           integer      not null default 0,
    host               varchar(255),
    engine_id          varchar(128),
    addresses          jsonb        not null default '{}', -- network → common-model ServerAddress list
    fault              jsonb,                              -- {code, message, details, created}
    locked             boolean      not null default false,
    locked_reason      varchar(255),
    launched_at        timestamptz,
    terminated_at      timestamptz,
    deleted_at         timestamptz,
    status_observed_at timestamptz,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz
);
-- the default order of a project's listing, newest first, live rows only
create index servers_project_created_idx on servers (project_id, created_at desc, id desc) where deleted_at is null;
create index servers_created_idx on servers (created_at desc, id desc) where deleted_at is null;
create index servers_host_idx on servers (host) where deleted_at is null;
create index servers_updated_idx on servers (updated_at);

-- Quota usage (instances, cores, ram) is reserved by the api-service in the insert's
-- transaction and released here when the server is soft-deleted or a row that never
-- counted as deleted disappears.
create function servers_quota_release() returns trigger language plpgsql as $$
declare
    gone servers;
begin
    if tg_op = 'DELETE' then
        if old.deleted_at is not null then
            return old;
        end if;
        gone := old;
    elsif old.deleted_at is null and new.deleted_at is not null then
        gone := new;
    else
        return new;
    end if;
    update quota_usages set in_use = greatest(in_use - case resource
            when 'instances' then 1 when 'cores' then gone.vcpus when 'ram' then gone.memory_mb end, 0)
     where project_id = gone.project_id and resource in ('instances', 'cores', 'ram');
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger servers_quota_release_on_delete after delete on servers
    for each row execute function servers_quota_release();
create trigger servers_quota_release_on_soft_delete after update of deleted_at on servers
    for each row execute function servers_quota_release();
