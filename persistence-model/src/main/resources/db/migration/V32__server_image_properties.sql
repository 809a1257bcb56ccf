-- The standard image properties (Nova's ImageMetaProps names) of the image a server was booted or
-- rebuilt from, taken when it was, as Nova keeps them in the instance's system metadata: shown
-- in the server's "image" from compute 2.98, whatever becomes of the image later.
alter table servers add column image_properties jsonb not null default '{}'::jsonb;
