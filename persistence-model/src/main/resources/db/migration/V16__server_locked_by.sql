-- Who locked a server (Nova's instances.locked_by): 'owner' (its project) or 'admin' (another
-- project's admin). An owner cannot unlock what an admin locked without unlock_override.
alter table servers add column locked_by varchar(5) check (locked_by in ('owner', 'admin'));
