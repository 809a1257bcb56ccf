-- Nova's key pairs (os-keypairs): owned by a user, not a project, unique by name per user. A
-- server keeps a copy of its key (Nova's instance key_data and instance_extra.keypairs), so
-- deleting the key pair later does not change what the server was built with.
create table key_pairs (
    id          bigserial primary key,
    user_id     varchar(255) not null,
    name        varchar(255) not null,
    type        varchar(5)   not null default 'ssh' check (type in ('ssh', 'x509')),
    fingerprint varchar(255) not null,
    public_key  text         not null,
    created_at  timestamptz  not null default now(),
    unique (user_id, name)
);

alter table servers add column key_data text;
alter table servers add column key_type varchar(5);
