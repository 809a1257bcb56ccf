-- Glance's deactivate and reactivate: a deactivated image stays, but only admins download it and
-- no server boots from it until it is reactivated (active again).
alter table images drop constraint images_status_check;
alter table images add constraint images_status_check
    check (status in ('queued', 'saving', 'active', 'deactivated', 'killed', 'deleted'));
