-- Nova's shelve (issue 15): the image a shelved server was committed to, which an unshelve spawns it
-- from, and when it was shelved (the offload sweep's clock, as Nova's system_metadata shelved_at).
ALTER TABLE servers ADD COLUMN shelved_image_id uuid;
ALTER TABLE servers ADD COLUMN shelved_image text;
ALTER TABLE servers ADD COLUMN shelved_at timestamptz;
