-- Nova's resize on the server's host: new_flavor holds the flavor asked for until the host has
-- applied it, old_flavor the one a revert goes back to until the resize is confirmed.
alter table servers add column new_flavor jsonb;
alter table servers add column old_flavor jsonb;

-- Quota usage follows a resize (cores and ram move by the difference), as the containers' does.
create function servers_quota_follow_resize() returns trigger language plpgsql as $$
begin
    update quota_usages set in_use = greatest(in_use + case resource
            when 'cores' then new.vcpus - old.vcpus when 'ram' then new.memory_mb - old.memory_mb end, 0)
     where project_id = new.project_id and resource in ('cores', 'ram');
    return new;
end $$;

create trigger servers_quota_follow_resize after update of vcpus, memory_mb on servers
    for each row when (new.deleted_at is null
                       and (old.vcpus is distinct from new.vcpus or old.memory_mb is distinct from new.memory_mb))
    execute function servers_quota_follow_resize();
