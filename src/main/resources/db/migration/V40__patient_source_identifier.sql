-- patient: the record number a referral's source gave the patient (the referring practice's MRN), so a second
-- referral from the same source with the same number is recognised as a possible duplicate before a second record
-- is made. Append-only like everything else; one row per (source, identifier, patient).
create table patient_source_identifier (
    patient_id   uuid not null references patient (id),
    source       text not null,
    identifier   text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    primary key (source, identifier, patient_id)
);
create index patient_source_identifier_patient on patient_source_identifier (patient_id);
