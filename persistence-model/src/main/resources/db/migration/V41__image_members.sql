-- Glance's image members: the projects a 'shared' image is shared with, each with its own answer
-- ('pending' until the member accepts or rejects it). The owner adds and removes members; only a
-- member changes its own status. A member sees the image whatever its status; the default list
-- shows it only once accepted (Glance's member_status).
create table image_members (
    image_id   uuid         not null references images (id) on delete cascade,
    member     varchar(255) not null,
    status     varchar(16)  not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    primary key (image_id, member)
);
-- what a project is a member of: read on every image list and show
create index image_members_member on image_members (member);

-- A deleted image keeps its row ('deleted'), so the cascade above never fires for it; Glance deletes
-- an image's members with the image. Every writer that deletes an image (the api-service's delete,
-- the conductor's backup rotation and shelved-image delete, a Zun commit replacing its tag) does so
-- by setting the status, so the members go here, whoever wrote it.
create function image_members_of_deleted_image() returns trigger language plpgsql as $$
begin
    delete from image_members where image_id = new.id;
    return null;
end $$;

create trigger images_deleted_members after update of status on images
    for each row when (new.status = 'deleted' and old.status is distinct from new.status)
    execute function image_members_of_deleted_image();
