-- Keystone's revocation events: revoking every token of a user, of a project, or of a user on a
-- project issued up to a moment, without knowing the tokens (they are self-contained). Written by
-- the api-service when a user is deleted, disabled or given a new password, a project deleted or
-- disabled, or a role assignment removed; every replica re-reads them with the revoked audit ids.
create table identity_revocation_events (
    id            bigserial primary key,
    user_id       varchar(64),
    project_id    varchar(64),
    -- tokens issued at or before this instant (millisecond precision, as the tokens carry it)
    issued_before timestamptz not null,
    -- when the last token it can match has expired anyway
    expires_at    timestamptz not null,
    reason        varchar(64) not null,
    constraint identity_revocation_events_scope check (user_id is not null or project_id is not null)
);
create index identity_revocation_events_expiry_idx on identity_revocation_events (expires_at);
