-- Capsules count against the Zun quotas of their project like containers do: each app
-- container is one of the project's 'containers', and the capsule's cpu and memory (its
-- members' requests by Zun's rule, as stored in the row) add to 'cpu' and 'memory'. Init
-- containers run before the app containers and never alongside them, so they add no
-- container count. The api-service reserves in the insert's transaction; this trigger
-- releases wherever the row is deleted from (api-service for a capsule without a host, the
-- conductor for the rest). Capsules created before this migration were never counted; the
-- greatest(..., 0) keeps their release from driving usage negative.
create function capsules_quota_release() returns trigger language plpgsql as $$
begin
    update quota_usages set in_use = greatest(in_use - case resource
            when 'containers' then coalesce(jsonb_array_length(old.spec -> 'containers'), 0)
            when 'cpu' then old.cpu
            when 'memory' then old.memory end, 0)
     where project_id = old.project_id and resource in ('containers', 'cpu', 'memory');
    return old;
end $$;

create trigger capsules_quota_release_on_delete after delete on capsules
    for each row execute function capsules_quota_release();
