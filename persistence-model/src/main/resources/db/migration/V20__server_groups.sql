-- Nova's server groups (os-server-groups, Nova's instance_groups): a project's named placement
-- policy for servers booted with the scheduler hint "group". Written by the api-service (create,
-- delete, members at boot); read by the scheduler, which finds the members' hosts in allocations.
create table server_groups (
    id                  bigserial    primary key,
    uuid                uuid         not null unique,
    name                varchar(255) not null,
    project_id          varchar(255) not null,
    user_id             varchar(255) not null,
    policy              varchar(32)  not null
        check (policy in ('affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity')),
    -- Nova's only rule (2.64); null: not given, which the anti-affinity filter reads as 1
    max_server_per_host integer      check (max_server_per_host > 0),
    created_at          timestamptz  not null default now()
);
-- a project's groups in creation order (list, the server_groups quota count)
create index server_groups_project_idx on server_groups (project_id, id);

-- A server is in at most one group (the boot's single "group" hint). No foreign key to servers:
-- the api-service writes the server row through Hibernate, which may flush it after the
-- membership; the triggers below remove a membership when its server goes instead.
create table server_group_members (
    server_uuid uuid        primary key,
    group_id    bigint      not null references server_groups (id) on delete cascade,
    created_at  timestamptz not null default now()
);
-- a group's members in the order they joined (views, the server_group_members count, the scheduler)
create index server_group_members_group_idx on server_group_members (group_id, created_at);

-- Nova lists only the members that are not deleted and counts them against
-- server_group_members; here a deleted server leaves its group, wherever the delete is done
-- (the api-service for a server without a host, the conductor after its host reported it gone).
create function servers_leave_server_group() returns trigger language plpgsql as $$
begin
    delete from server_group_members where server_uuid = old.uuid;
    return null;
end $$;

create trigger servers_leave_server_group_on_delete after delete on servers
    for each row execute function servers_leave_server_group();
create trigger servers_leave_server_group_on_soft_delete after update of deleted_at on servers
    for each row when (old.deleted_at is null and new.deleted_at is not null)
    execute function servers_leave_server_group();
