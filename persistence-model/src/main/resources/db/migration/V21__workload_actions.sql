-- What was asked of each workload and what became of it: Nova's instance actions
-- (os-instance-actions) and Zun's container actions (container_actions), one log for every kind.
-- The api-service records an action when it accepts a request (in the same transaction as the
-- task state and the cast); the conductor records the action's events (scheduling, the host's
-- operation) and their results. Rows outlive the workload: Nova shows a deleted server's actions
-- from 2.21, and an operator asks "who deleted this" after the fact.
create table workload_actions (
    id            bigserial primary key,
    kind          varchar(16)  not null check (kind in ('container', 'server', 'capsule')),
    workload_uuid uuid         not null,
    request_id    varchar(64)  not null,
    action        varchar(64)  not null,
    project_id    varchar(255) not null,
    user_id       varchar(255),
    -- 'Error' once an event failed, as Nova and Zun set it
    message       varchar(255),
    start_time    timestamptz  not null default now(),
    -- the last event's end (Zun's finish_time)
    finish_time   timestamptz,
    updated_at    timestamptz  not null default now(),
    unique (workload_uuid, request_id)
);
create index workload_actions_by_workload on workload_actions (workload_uuid, start_time desc, id desc);

create table workload_action_events (
    id          bigserial primary key,
    action_id   bigint       not null references workload_actions (id) on delete cascade,
    event       varchar(255) not null,
    host        varchar(255),
    start_time  timestamptz  not null default now(),
    finish_time timestamptz,
    -- 'Success' or 'Error'; null while it runs
    result      varchar(16),
    -- why it failed (the host's fault); Nova shows it to admins only
    traceback   text,
    unique (action_id, event)
);
