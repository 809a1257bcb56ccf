-- Per-project quotas. `quotas` holds explicit limits (absent = the configured default);
-- `quota_usages` the amount in use, reserved by the api-service with a conditional
-- UPDATE in the same transaction that inserts the resource row.

create table quotas (
    project_id varchar(64) not null,
    resource   varchar(64) not null,
    hard_limit bigint      not null,   -- -1: unlimited
    primary key (project_id, resource)
);

create table quota_usages (
    project_id varchar(64)      not null,
    resource   varchar(64)      not null,
    in_use     double precision not null default 0,
    primary key (project_id, resource)
);

-- Release happens wherever a container row disappears (the api-service deletes rows that
-- never got a host, the conductor deletes the rest) and follows live resizes, so one
-- trigger keeps usage right without either service having to remember to do it.
create function containers_quota_release() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        update quota_usages set in_use = greatest(in_use - case resource
                when 'containers' then 1 when 'cpu' then old.cpu when 'memory' then old.memory end, 0)
         where project_id = old.project_id and resource in ('containers', 'cpu', 'memory');
        return old;
    end if;
    -- UPDATE of cpu/memory (live resize): move usage by the difference
    update quota_usages set in_use = greatest(in_use + case resource
            when 'cpu' then new.cpu - old.cpu when 'memory' then new.memory - old.memory end, 0)
     where project_id = new.project_id and resource in ('cpu', 'memory');
    return new;
end $$;

create trigger containers_quota_release_on_delete after delete on containers
    for each row execute function containers_quota_release();
create trigger containers_quota_follow_resize after update of cpu, memory on containers
    for each row when (old.cpu is distinct from new.cpu or old.memory is distinct from new.memory)
    execute function containers_quota_release();
