-- Zun's images (/v1/images): an image pulled onto one compute host by an admin, as Zun's `image`
-- table keeps them (zun/db/sqlalchemy/models.py Image). Not Glance's catalogue (`images`, V24, and
-- compute_hosts.images): a row here is one reference on one host and says how its pull went.
-- The api-service inserts a row as 'Pulling' (repo and tag parsed from the request's `repo`) and
-- deletes it once its host has removed the image; the conductor writes the pull's outcome from the
-- host's report: 'Pulled' with the engine's id and size, or 'Error' with the engine's reason.
create table zun_images (
    id            bigserial    primary key,                -- Zun's id: the default sort key
    uuid          uuid         not null unique,
    project_id    varchar(255) not null,
    user_id       varchar(255),
    repo          varchar(255) not null,
    tag           varchar(255) not null,
    host          varchar(255) not null,
    image_id      varchar(255),                            -- the engine's id (sha256:...), once pulled
    size          bigint,                                  -- bytes, as the engine measures the image
    status        varchar(16)  not null check (status in ('Pulling', 'Pulled', 'Error')),
    status_reason text,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
-- Zun's uniq_image0repotaghost: one row per reference and host, whoever pulled it
create unique index zun_images_repo_tag_host on zun_images (repo, tag, host);
create index zun_images_project on zun_images (project_id);
