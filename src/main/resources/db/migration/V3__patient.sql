-- patient: the chart. Every clinical table is append-only: an edit is a new version (same entry_id, version + 1),
-- a void is a new version with voided = true and a reason. The current state of an entry is its highest version.
create table patient (
    id          uuid primary key,
    mrn         text not null unique,
    created_at  timestamptz not null default now(),
    created_by  text not null
);

-- A derived, rebuildable projection of each patient's current demographics and step, for fast search and the
-- dashboard. It is not a clinical record (those are the versioned tables below) and is updated in place.
create table patient_summary (
    patient_id   uuid primary key references patient (id),
    mrn          text not null,
    family_name  text not null,
    given_name   text not null,
    birth_date   date not null,
    step         text not null,
    updated_at   timestamptz not null
);
create extension if not exists pg_trgm;
create index patient_summary_names on patient_summary
    using gin ((lower(family_name || ' ' || given_name)) gin_trgm_ops);
create index patient_summary_birth on patient_summary (birth_date);
create index patient_summary_step on patient_summary (step);

create table patient_step (
    id          bigserial primary key,
    patient_id  uuid not null references patient (id),
    step        text not null,
    note        text,
    at          timestamptz not null default now(),
    by_actor    text not null
);
create index patient_step_patient on patient_step (patient_id, at desc);

create table demographics (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    family_name   text not null,
    given_name    text not null,
    birth_date    date not null,
    sex           text not null,
    phone         text,
    email         text,
    address_line  text,
    city          text,
    postal_code   text,
    unique (entry_id, version)
);

create table referral (
    row_id             bigserial primary key,
    entry_id           uuid not null,
    version            int  not null,
    patient_id         uuid not null references patient (id),
    voided             boolean not null default false,
    void_reason        text,
    change_reason      text,
    recorded_by        text not null,
    recorded_at        timestamptz not null default now(),
    referring_clinician text not null,
    referring_practice  text not null,
    reason              text not null,
    referral_date       date not null,
    urgency             text not null,
    unique (entry_id, version)
);

create table problem (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    icd10_code    text not null,
    description   text not null,
    onset_date    date,
    clinical_status text not null,
    unique (entry_id, version)
);

create table imaging_study (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    modality      text not null,
    body_region   text not null,
    study_date    date not null,
    impression    text not null,
    unique (entry_id, version)
);

create table prior_treatment (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    therapy       text not null,
    start_date    date not null,
    end_date      date,
    dose_or_frequency text,
    result        text not null,
    side_effects  text,
    why_stopped   text,
    unique (entry_id, version)
);

create table medication (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    name          text not null,
    rxnorm_code   text,
    drug_class    text not null,
    dose          text not null,
    frequency     text not null,
    route         text not null,
    start_date    date,
    status        text not null,
    unique (entry_id, version)
);

create table allergy (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    substance     text not null,
    reaction      text not null,
    severity      text not null,
    unique (entry_id, version)
);

create table encounter (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    encounter_date date not null,
    encounter_type text not null,
    clinician      text not null,
    summary        text not null,
    unique (entry_id, version)
);

do $$
declare t text;
begin
    foreach t in array array['demographics','referral','problem','imaging_study','prior_treatment','medication',
                             'allergy','encounter'] loop
        execute format('create index %I on %I (patient_id, entry_id, version desc)', t || '_current', t);
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                       t || '_append_only', t);
    end loop;
end $$;
create trigger patient_step_append_only before update or delete on patient_step
    for each row execute function refuse_change();
create sequence patient_mrn_seq start with 100001;
