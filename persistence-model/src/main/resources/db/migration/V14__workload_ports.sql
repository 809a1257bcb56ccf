-- Workloads on tenant networks. Each workload row lists the ports it holds, in the order asked
-- for, with whether each outlives it (a port the user brought is unbound on delete, one made
-- for the workload is deleted): [{"portId": .., "networkId": .., "preserveOnDelete": .., "tag": ..}].
alter table containers add column nics jsonb not null default '[]';
alter table capsules add column nics jsonb not null default '[]';
alter table servers add column nics jsonb not null default '[]';

-- Where a host's tenant-network tunnels end; the conductor lists it to the other hosts of a network.
alter table compute_hosts add column underlay_address text;

-- Which hosts carry a network: the ports bound there.
create index ports_network_host on ports (network_id, binding_host_id);
