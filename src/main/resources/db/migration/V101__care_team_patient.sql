-- "My patients" as a table of its own (issue 16, scale): one row per staff member and patient whose care team they
-- are on, with the patient summary's columns (what the dashboard and the own-patient search show, sort, count and
-- match by), so that neither needs to visit patient_summary.
--
-- Why: the dashboard joined the physician's memberships with patient_summary, and PostgreSQL answered with a scan of
-- the whole patient_summary table (a hash join): its cost grew with the clinic (22 ms at 100,000 patients), not with
-- her panel. A name search matched names across the whole clinic before checking her team. Here her rows sit
-- together under her staff id: the dashboard's counts and newest rows and a name search read hers alone
-- (EXPLAIN ANALYZE at 100,000 patients: dashboard 22 -> 1.8 ms, name search 3-7 -> 0.9 ms; bench/scale.sh).
--
-- It holds nothing of its own: every row is derived from care_team_member and patient_summary, kept by the triggers
-- below in the same transaction as the change it follows (a membership added or ended, a summary added or changed),
-- whoever writes it: the application, an import, a COPY. It can be rebuilt from those two tables at any time.
create extension if not exists btree_gin;

create table care_team_patient (
    staff_id     uuid not null,
    patient_id   uuid not null,
    step         text not null,
    updated_at   timestamptz not null,
    mrn          text not null,
    family_name  text not null,
    given_name   text not null,
    birth_date   date not null,
    primary key (staff_id, patient_id)
);

insert into care_team_patient (staff_id, patient_id, step, updated_at, mrn, family_name, given_name, birth_date)
select distinct m.staff_id, s.patient_id, s.step, s.updated_at, s.mrn, s.family_name, s.given_name, s.birth_date
from care_team_member m join patient_summary s on s.patient_id = m.patient_id
where m.removed_at is null;

-- the indexes after the rows (built at once rather than row by row: an existing clinic's upgrade)
-- a summary's change reaches its team's rows
create index care_team_patient_patient on care_team_patient (patient_id);
-- the dashboard: counts by step, and each step's newest
create index care_team_patient_step on care_team_patient (staff_id, step, updated_at desc, mrn);
-- the own-patient list before anything is typed, in name order
create index care_team_patient_name_order on care_team_patient (staff_id, family_name, given_name, mrn);
-- the own-patient search by name: her rows and the name's trigrams in one index
create index care_team_patient_names on care_team_patient
    using gin (staff_id, (lower(family_name || ' ' || given_name)) gin_trgm_ops);

-- memberships added or ended (removed_at set); one statement may add thousands (the demo seeding copies them in).
-- A pair's row goes once no current membership of it is left (only an update can end one), and comes for every
-- current membership.
create function care_team_patient_members() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from care_team_patient p
        using (select distinct staff_id, patient_id from changed) c
        where p.staff_id = c.staff_id and p.patient_id = c.patient_id
          and not exists (select 1 from care_team_member m
                          where m.staff_id = c.staff_id and m.patient_id = c.patient_id and m.removed_at is null);
    end if;
    insert into care_team_patient (staff_id, patient_id, step, updated_at, mrn, family_name, given_name, birth_date)
    select distinct c.staff_id, s.patient_id, s.step, s.updated_at, s.mrn, s.family_name, s.given_name, s.birth_date
    from changed c join patient_summary s on s.patient_id = c.patient_id
    where c.removed_at is null
    on conflict do nothing;
    return null;
end $$;
create trigger care_team_patient_members_added after insert on care_team_member
    referencing new table as changed for each statement execute function care_team_patient_members();
create trigger care_team_patient_members_changed after update on care_team_member
    referencing new table as changed for each statement execute function care_team_patient_members();

-- a summary written after its team (either order works)
create function care_team_patient_summary_added() returns trigger language plpgsql as $$
begin
    insert into care_team_patient (staff_id, patient_id, step, updated_at, mrn, family_name, given_name, birth_date)
    select distinct m.staff_id, s.patient_id, s.step, s.updated_at, s.mrn, s.family_name, s.given_name, s.birth_date
    from added s join care_team_member m on m.patient_id = s.patient_id and m.removed_at is null
    on conflict do nothing;
    return null;
end $$;
create trigger care_team_patient_summary_added after insert on patient_summary
    referencing new table as added for each statement execute function care_team_patient_summary_added();

-- a step, a record number, a name, a birth date or the time of the last change
create function care_team_patient_summary_changed() returns trigger language plpgsql as $$
begin
    update care_team_patient p
    set step = s.step, updated_at = s.updated_at, mrn = s.mrn, family_name = s.family_name, given_name = s.given_name,
        birth_date = s.birth_date
    from changed s
    where p.patient_id = s.patient_id
      and (p.step, p.updated_at, p.mrn, p.family_name, p.given_name, p.birth_date)
          is distinct from (s.step, s.updated_at, s.mrn, s.family_name, s.given_name, s.birth_date);
    return null;
end $$;
create trigger care_team_patient_summary_changed after update on patient_summary
    referencing new table as changed for each statement execute function care_team_patient_summary_changed();
