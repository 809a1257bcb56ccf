-- Nova's quota classes (os-quota-class-sets): limits by class and resource, as an admin set them.
-- Class `default` is what a project without a limit of its own in `quotas` gets; without a row
-- there, the configured windlass.quota.* applies. Other classes are kept and shown, and used by
-- nothing else (as in Nova, where projects are not put in classes).
create table quota_classes (
    class_name varchar(255) not null,
    resource   varchar(64)  not null,   -- the name in `quotas`, or Nova's key for those nothing enforces
    hard_limit bigint       not null,   -- -1: unlimited
    created_at timestamptz  not null default now(),
    updated_at timestamptz,
    primary key (class_name, resource)
);
