-- Glance's protected flag: a protected image cannot be deleted (403) until its owner clears it.
-- A backup's rotation leaves a protected backup in place, as Nova's does when Glance refuses it.
alter table images add column protected boolean not null default false;
