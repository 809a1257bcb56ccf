-- A shelved server's image is stored too (its host pushes the committed image's archive after the
-- shelve), so that an unshelve may place it on any host. Its size stays the engine's measure; the
-- archive's bytes are data_size. While a host is still pushing them, data is set and checksum null.
alter table images add column data_size bigint;
update images set data_size = size where data is not null;
