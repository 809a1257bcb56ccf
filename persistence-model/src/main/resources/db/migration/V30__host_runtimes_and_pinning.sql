-- What a host's engine can run a container with, as its agent reports it, for the scheduler's
-- RuntimeFilter and CpuSetFilter (Zun's). Null: an agent older than these reports, which the
-- filters treat as offering no runtime beyond the default and no CPU to dedicate.
alter table compute_hosts add column runtimes jsonb;            -- the engine's runtimes by name (["runc"])
alter table compute_hosts add column free_dedicated_cpus integer; -- CPUs no pinned container holds
