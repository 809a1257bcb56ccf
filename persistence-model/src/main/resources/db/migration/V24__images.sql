-- The images Windlass makes itself: Nova's createImage and createBackup, Zun's commit. The rest of
-- the catalogue stays derived from what the hosts hold (compute_hosts.images); a row here names an
-- engine reference of its own and says who owns it, what it is called and whether it is ready.
-- The api-service inserts a row as 'saving'; the conductor turns it 'active' once the host has
-- committed the workload to the reference, or 'killed' when it could not. A delete keeps the row as
-- 'deleted', so that the reference still on a host never reappears as a public image.
create table images (
    id               uuid primary key,
    name             varchar(255),
    reference        varchar(512) not null,
    status           varchar(16)  not null check (status in ('saving', 'active', 'killed', 'deleted')),
    owner            varchar(255) not null,
    visibility       varchar(16)  not null default 'private' check (visibility in ('private', 'public', 'shared', 'community')),
    -- what it was made from: the workload, its kind and the host that holds the result
    source_kind      varchar(16)  not null check (source_kind in ('server', 'container')),
    source_uuid      uuid         not null,
    host             varchar(255),
    -- Nova's image properties (image_type, instance_uuid, backup_type, user_id, base_image_ref, ...)
    properties       jsonb        not null default '{}'::jsonb,
    min_ram          integer      not null default 0,
    min_disk         integer      not null default 0,
    size             bigint,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

create index images_source on images (source_uuid);
-- one live image per reference: a commit to a repository:tag again replaces the one before
create unique index images_live_reference on images (reference) where status <> 'deleted';
