-- Identity (Keystone v3 subset), owned by the api-service. Ids are Keystone-style
-- 32-hex strings except the seeded domain `default`, which clients name literally.

create table identity_domains (
    id          varchar(64)  primary key,
    name        varchar(255) not null unique,
    description text         not null default '',
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now()
);
insert into identity_domains (id, name, description) values ('default', 'Default', 'The default domain');

create table identity_projects (
    id          varchar(64)  primary key,
    name        varchar(255) not null,
    domain_id   varchar(64)  not null references identity_domains (id),
    description text         not null default '',
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now(),
    unique (domain_id, name)
);

create table identity_users (
    id                  varchar(64)  primary key,
    name                varchar(255) not null,
    domain_id           varchar(64)  not null references identity_domains (id),
    -- "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>": self-describing so it can be upgraded
    password_hash       varchar(512),
    default_project_id  varchar(64)  references identity_projects (id) on delete set null,
    enabled             boolean      not null default true,
    -- brute-force protection: consecutive failures since the last success, shared by every replica
    failed_auth_count   integer      not null default 0,
    last_failed_auth_at timestamptz,
    created_at          timestamptz  not null default now(),
    unique (domain_id, name)
);

create table identity_roles (
    id   varchar(64)  primary key,
    name varchar(255) not null unique
);
-- Keystone's default roles; admin implies member implies reader (see RoleHierarchy)
insert into identity_roles (id, name) values
    (md5('windlass-role-admin'), 'admin'),
    (md5('windlass-role-member'), 'member'),
    (md5('windlass-role-reader'), 'reader');

create table identity_role_assignments (
    user_id    varchar(64) not null references identity_users (id) on delete cascade,
    project_id varchar(64) not null references identity_projects (id) on delete cascade,
    role_id    varchar(64) not null references identity_roles (id) on delete cascade,
    primary key (user_id, project_id, role_id)
);
create index identity_role_assignments_project_idx on identity_role_assignments (project_id);

-- Secrets every replica must agree on (the token signing key when it is not configured).
create table identity_keys (
    name       varchar(64) primary key,
    secret     text        not null,
    created_at timestamptz not null default now()
);

-- Revoked tokens by audit id; a row is useless once the token would have expired anyway.
create table identity_revoked_tokens (
    audit_id   varchar(64) primary key,
    expires_at timestamptz not null,
    revoked_at timestamptz not null default now()
);
create index identity_revoked_tokens_expiry_idx on identity_revoked_tokens (expires_at);
