-- Glance's image create and upload. An image made through POST /v2/images starts 'queued' with no
-- workload behind it (source_kind 'upload', no source_uuid); its data, once uploaded, is a
-- PostgreSQL large object: every api-service replica reads the same bytes, an upload that fails
-- rolls its object back with the transaction, and nothing outside the database needs backing up.
alter table images drop constraint images_status_check;
alter table images add constraint images_status_check
    check (status in ('queued', 'saving', 'active', 'killed', 'deleted'));
alter table images drop constraint images_source_kind_check;
alter table images add constraint images_source_kind_check
    check (source_kind in ('server', 'container', 'upload'));
alter table images alter column source_uuid drop not null;
alter table images add constraint images_source_uuid_given
    check (source_kind = 'upload' or source_uuid is not null);

-- the formats the creator declared (null for a workload's image: the view derives them)
alter table images add column container_format varchar(16);
alter table images add column disk_format varchar(16);
alter table images add column tags jsonb not null default '[]'::jsonb;
-- the uploaded bytes and Glance's digests of them (md5 as checksum, sha512 as os_hash_value)
alter table images add column data oid;
alter table images add column checksum varchar(32);
alter table images add column os_hash_value varchar(128);
