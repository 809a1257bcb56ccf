-- Zun's container create fields (issue 16), all written by the api-service at insert except health_status.
-- exposed_ports (1.24): Docker's "<port>/<protocol>" keys, in the order asked.
alter table containers add column exposed_ports jsonb not null default '[]';
-- healthcheck (1.22): Zun's test, interval, retries, timeout (seconds) and start_period; null: the image's.
alter table containers add column healthcheck jsonb;
-- the engine's health of it (starting, healthy, unhealthy), reported by its host; null without a check.
alter table containers add column health_status text;
-- mounts (1.11): the engine volumes it mounts, each with whether it was made for the container.
alter table containers add column mounts jsonb not null default '[]';
