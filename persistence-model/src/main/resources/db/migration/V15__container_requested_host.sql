-- Zun's host (1.39): the admin's requested destination, for the scheduler.
alter table containers add column requested_host text;
