-- fhir: Bulk Data $export jobs and their files in the database, so that any node answers a job's status and serves
-- its files, and a job outlives the node that ran it (issue 10, defect 12). A job is not a clinical record: its
-- state, progress and heartbeat are updated as it runs, and a job is deleted with its files when its client deletes
-- it or when it expires. Its files are never changed once written.
create table fhir_export_job (
    id             uuid primary key,
    token_id       uuid not null,
    actor_staff_id uuid not null references staff (id),
    actor_name     text not null,
    actor_role     text not null,
    actor_address  text,
    request        text not null,
    group_staff_id uuid,
    types          text not null,          -- comma-separated resource types; '' for all
    since          timestamptz,            -- _since: only resources changed after this instant
    patients       uuid[] not null,        -- the patients to export, fixed at kick-off
    patients_done  int not null default 0, -- the first patients_done of them are written
    state          text not null,          -- QUEUED, RUNNING, DONE, FAILED
    attempts       int not null default 0,
    runner         text,                   -- the node running it (a random id per process)
    heartbeat_at   timestamptz,
    requested_at   timestamptz not null,
    finished_at    timestamptz,
    error          text
);
create index fhir_export_job_state on fhir_export_job (state, requested_at);

-- The output, one row per patient and resource type (ndjson lines), so a resumed job continues at the first patient
-- not yet written and a download knows whose data it serves. patient_id is null for a Practitioner (written once per
-- job) and for the OperationOutcome lines of patients that could not be exported.
create table fhir_export_part (
    job_id     uuid not null references fhir_export_job (id) on delete cascade,
    seq        bigserial,
    type       text not null,
    patient_id uuid,
    resources  int not null,
    ndjson     text not null,
    primary key (job_id, seq)
);
create index fhir_export_part_type on fhir_export_part (job_id, type, seq);

-- a written file part is never changed (it goes only with its job)
create trigger fhir_export_part_unchanged before update on fhir_export_part
    for each row execute function refuse_change();
