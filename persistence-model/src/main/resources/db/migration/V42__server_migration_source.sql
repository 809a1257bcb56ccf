-- A cold migration or a resize to another host (Nova's migrate, and a resize the server's own host has
-- no room for): the server runs on its new host while the host it left keeps its stopped copy, until
-- the move is confirmed (that copy goes) or reverted (it runs again). The guest's disk travels as an
-- image in the store; the new host runs from it until the server next moves.
alter table servers add column migration_source varchar(255);
alter table servers add column migration_image_id uuid;
