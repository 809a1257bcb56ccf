-- Nova's server tags (2.26): at most 50 strings per server, kept in the order given; the GIN
-- index serves the tags / tags-any / not-tags / not-tags-any list filters.
alter table servers add column tags jsonb not null default '[]';
create index servers_tags on servers using gin (tags);
