-- Casts the api-service owes the conductor: written in the transaction of the change they announce
-- (a new row, a task state, a delete), relayed to the broker after commit and deleted once the
-- broker confirmed them (io.windlass.outbox). A broker outage delays the work instead of failing
-- the request; every api replica's relay re-sends what is due, at least once.
create table rpc_outbox (
    id              bigserial primary key,
    topic           varchar(255) not null,
    method          varchar(255) not null,
    version         varchar(16)  not null,
    context         jsonb        not null,
    args            jsonb        not null,
    created_at      timestamptz  not null default now(),
    next_attempt_at timestamptz  not null default now(),
    attempts        integer      not null default 0,
    last_error      text
);
create index rpc_outbox_due_idx on rpc_outbox (next_attempt_at, id);
