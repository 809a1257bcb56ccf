-- Keystone keeps a user's attributes it has no column for (description, email, project_id ... as
-- clients send them) as "extra" and shows them back; Tempest's quota tests make users with some.
alter table identity_users add column extra jsonb not null default '{}';
