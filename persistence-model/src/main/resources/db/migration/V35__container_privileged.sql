-- Zun's privileged (1.21): the engine container gets extended privileges. Only a caller that
-- container:create:privileged allows sets it (nobody, by Zun's default policy).
alter table containers add column privileged boolean not null default false;
