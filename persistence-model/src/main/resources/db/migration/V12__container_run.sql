-- Whether the create asked to start the container (Zun's ?run=true), so that a create the
-- reconciler sends its host again does what the first one was asked to do.
alter table containers add column run boolean not null default true;
