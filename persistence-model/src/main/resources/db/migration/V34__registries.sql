-- Zun's private registries (/v1/registries, issue 16): the domain a container's image is pulled from and the
-- login for it. Written by the api-service only; the conductor reads the login when it sends a create.
-- password holds the password sealed (AES-256-GCM, bound to the row's uuid) under the deployment's
-- windlass.registry.password-key, never the password itself; null when the registry takes no login.
create table registries (
    id bigserial primary key,
    uuid uuid not null unique,
    project_id text not null,
    user_id text not null,
    name text,
    domain text not null,
    username text,
    password text,
    created_at timestamptz not null default now(),
    updated_at timestamptz
);
create index registries_project on registries (project_id);

-- The registry a container's image is pulled from (Zun's registry, 1.31; shown as registry_id), by the
-- registry's uuid: a registry a container still has cannot be deleted (Zun's 409 "since it is in use").
alter table containers add column registry_id uuid references registries (uuid);
create index containers_registry on containers (registry_id) where registry_id is not null;
