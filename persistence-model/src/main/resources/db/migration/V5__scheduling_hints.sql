-- What a container asked of the scheduler (Zun's create body): kept on the row so that a
-- redelivered or retried build schedules it exactly as it was asked.
alter table containers add column availability_zone varchar(255);
-- Zun's "hints": {"same_host": [uuid...], "different_host": [...], ...}, as given
alter table containers add column scheduler_hints jsonb not null default '{}';
