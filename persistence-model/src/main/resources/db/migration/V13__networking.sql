-- The Networking API (Neutron v2.0 subset): networks, subnets, ports with their addresses,
-- security groups and routers. Ids are uuids chosen by the api-service; every table keeps
-- Neutron's standard attributes (description, created_at, updated_at, revision_number).

create table networks (
    id                    uuid primary key,
    project_id            text not null,
    name                  text not null default '',
    description           text not null default '',
    admin_state_up        boolean not null default true,
    shared                boolean not null default false,
    mtu                   integer not null default 1450,
    port_security_enabled boolean not null default true,
    -- the VXLAN segment the data plane carries this network in; unique across the cloud
    segmentation_id       integer not null unique,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    revision_number       integer not null default 1
);
create index networks_project on networks (project_id);

create table subnets (
    id               uuid primary key,
    network_id       uuid not null references networks (id),
    project_id       text not null,
    name             text not null default '',
    description      text not null default '',
    ip_version       integer not null,
    cidr             cidr not null,
    gateway_ip       inet,
    -- [{"start": .., "end": ..}] as the caller (or the default) gave them
    allocation_pools jsonb not null default '[]',
    enable_dhcp      boolean not null default true,
    dns_nameservers  jsonb not null default '[]',
    host_routes      jsonb not null default '[]',
    ipv6_address_mode text,
    ipv6_ra_mode     text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    revision_number  integer not null default 1
);
create index subnets_network on subnets (network_id);

create table ports (
    id                    uuid primary key,
    network_id            uuid not null references networks (id),
    project_id            text not null,
    name                  text not null default '',
    description           text not null default '',
    mac_address           macaddr not null,
    admin_state_up        boolean not null default true,
    status                text not null default 'DOWN',
    device_id             text not null default '',
    device_owner          text not null default '',
    binding_host_id       text not null default '',
    binding_vif_type      text not null default 'unbound',
    binding_vnic_type     text not null default 'normal',
    binding_profile       jsonb not null default '{}',
    port_security_enabled boolean not null default true,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    revision_number       integer not null default 1,
    -- MacAddressInUse is decided by this constraint, so two creates cannot both take one MAC
    unique (network_id, mac_address)
);
create index ports_project on ports (project_id);
create index ports_device on ports (device_id);

-- One row per address a port holds. The primary key makes allocation atomic: two ports
-- asking for one address race on this row and exactly one insert wins.
create table ip_allocations (
    subnet_id  uuid not null references subnets (id),
    address    inet not null,
    port_id    uuid not null references ports (id) on delete cascade,
    network_id uuid not null references networks (id),
    primary key (subnet_id, address)
);
create index ip_allocations_port on ip_allocations (port_id);

create table security_groups (
    id              uuid primary key,
    project_id      text not null,
    name            text not null default '',
    description     text not null default '',
    is_default      boolean not null default false,
    stateful        boolean not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    revision_number integer not null default 1
);
-- at most one `default` group per project, however many requests create it at once
create unique index security_groups_one_default on security_groups (project_id) where is_default;

create table security_group_rules (
    id                uuid primary key,
    security_group_id uuid not null references security_groups (id) on delete cascade,
    project_id        text not null,
    direction         text not null,
    ethertype         text not null,
    protocol          text,
    port_range_min    integer,
    port_range_max    integer,
    remote_ip_prefix  cidr,
    remote_group_id   uuid references security_groups (id) on delete cascade,
    description       text not null default '',
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    revision_number   integer not null default 1
);
create index security_group_rules_group on security_group_rules (security_group_id);

create table port_security_groups (
    port_id           uuid not null references ports (id) on delete cascade,
    security_group_id uuid not null references security_groups (id),
    primary key (port_id, security_group_id)
);
create index port_security_groups_group on port_security_groups (security_group_id);

create table routers (
    id              uuid primary key,
    project_id      text not null,
    name            text not null default '',
    description     text not null default '',
    admin_state_up  boolean not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    revision_number integer not null default 1
);
