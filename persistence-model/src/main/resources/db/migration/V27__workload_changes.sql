-- The Watch API's change log (docs/api-watch.md): one row per state change of a container,
-- capsule or server, whoever wrote it (api-service or conductor), made by the triggers below.
-- Read by the api-service only; pruned by it after windlass.watch.retention.
--
-- seq is the event id clients resume from, so it must follow commit order: a reader that saw
-- seq 11 must never later see 10 commit. The triggers are therefore deferred to commit time
-- and take one transaction-scoped advisory lock before they take their seq; the lock is let go
-- only after the transaction is visible, so the next committer's seq is higher and every lower
-- seq is already readable. This serialises the last moments of transactions that change a
-- workload's state (not other writes), which is the price of gap-free resumption.
create table workload_changes (
    seq           bigserial    primary key,
    kind          varchar(16)  not null,            -- container, capsule, server
    uuid          uuid         not null,
    project_id    varchar(64)  not null,
    change        varchar(16)  not null,            -- created, updated, deleted
    status        varchar(32),                      -- Zun status; a server's vm_state
    status_reason text,                             -- Zun status_reason; a server's fault message
    task_state    varchar(64),
    power_state   integer,                          -- servers only
    host          varchar(255),
    at            timestamptz  not null default clock_timestamp()
);
create index workload_changes_at_idx on workload_changes (at);

-- The highest seq the prune removed: a resume from an id below it may have missed changes.
create table workload_change_horizon (
    id             integer primary key check (id = 1),
    pruned_through bigint  not null
);
insert into workload_change_horizon values (1, 0);

create function workload_change_record() returns trigger language plpgsql as $$
declare
    v_row jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
    v_gone  boolean := tg_op = 'DELETE' or (v_row ? 'deleted_at' and v_row ->> 'deleted_at' is not null);
    v_kind  text := tg_argv[0];
    v_seq   bigint;
begin
    -- commit order (see above): 72657 is this log's lock and nothing else's
    perform pg_advisory_xact_lock(72657);
    insert into workload_changes (kind, uuid, project_id, change, status, status_reason, task_state,
                                  power_state, host)
    values (v_kind, (v_row ->> 'uuid')::uuid, v_row ->> 'project_id',
            case when v_gone then 'deleted' when tg_op = 'INSERT' then 'created' else 'updated' end,
            case when v_kind = 'server' then v_row ->> 'vm_state' else v_row ->> 'status' end,
            case when v_kind = 'server' then v_row -> 'fault' ->> 'message' else v_row ->> 'status_reason' end,
            v_row ->> 'task_state',
            (v_row ->> 'power_state')::integer,
            v_row ->> 'host')
    returning seq into v_seq;
    perform pg_notify('workload_changes', v_seq::text);
    return null;
end $$;

create constraint trigger containers_changes_insert after insert on containers
    deferrable initially deferred for each row execute function workload_change_record('container');
create constraint trigger containers_changes_update after update of status, status_reason, task_state, host
    on containers deferrable initially deferred for each row
    when (old.status is distinct from new.status or old.status_reason is distinct from new.status_reason
          or old.task_state is distinct from new.task_state or old.host is distinct from new.host)
    execute function workload_change_record('container');
create constraint trigger containers_changes_delete after delete on containers
    deferrable initially deferred for each row execute function workload_change_record('container');

create constraint trigger capsules_changes_insert after insert on capsules
    deferrable initially deferred for each row execute function workload_change_record('capsule');
create constraint trigger capsules_changes_update after update of status, status_reason, task_state, host
    on capsules deferrable initially deferred for each row
    when (old.status is distinct from new.status or old.status_reason is distinct from new.status_reason
          or old.task_state is distinct from new.task_state or old.host is distinct from new.host)
    execute function workload_change_record('capsule');
create constraint trigger capsules_changes_delete after delete on capsules
    deferrable initially deferred for each row execute function workload_change_record('capsule');

-- servers are soft-deleted: setting deleted_at is the delete; nothing after it is an event
create constraint trigger servers_changes_insert after insert on servers
    deferrable initially deferred for each row execute function workload_change_record('server');
create constraint trigger servers_changes_update
    after update of vm_state, task_state, power_state, host, fault, deleted_at on servers
    deferrable initially deferred for each row
    when (old.deleted_at is null and (old.vm_state is distinct from new.vm_state
          or old.task_state is distinct from new.task_state or old.power_state is distinct from new.power_state
          or old.host is distinct from new.host or old.fault is distinct from new.fault
          or new.deleted_at is not null))
    execute function workload_change_record('server');
create constraint trigger servers_changes_delete after delete on servers
    deferrable initially deferred for each row when (old.deleted_at is null)
    execute function workload_change_record('server');
