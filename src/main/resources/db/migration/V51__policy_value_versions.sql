-- Policy values are kept by the record engine like every versioned record: each key is one entry (entry_id, derived
-- from the key as md5(key)::uuid, so a seeding migration can name it) whose versions are numbered 1, 2, ... in the
-- order they were written. The unique (entry_id, version) key turns two admins saving changes based on the same
-- version into a conflict instead of a silent overwrite. A later migration that adds a value writes
-- entry_id = md5(key)::uuid and the next version.
-- Numbering the existing rows is the one time rows are touched: the append-only trigger is off for this statement
-- only (Flyway runs as the owner role; the application role cannot disable it), and no value, source or reason
-- changes.
alter table policy_value add column entry_id uuid;
alter table policy_value add column version int;

alter table policy_value disable trigger policy_value_append_only;
update policy_value p set entry_id = md5(p.key)::uuid, version = n.version
from (select id, row_number() over (partition by key order by id) as version from policy_value) n
where n.id = p.id;
alter table policy_value enable trigger policy_value_append_only;

alter table policy_value alter column entry_id set not null;
alter table policy_value alter column version set not null;
alter table policy_value add constraint policy_value_entry_version unique (entry_id, version);
