-- fhir: what a sender says that Relief keeps besides the chart (issue 10, defect 11).

-- The identifiers a sender gave a patient (their MRN, a national id, ...), kept as sent so that the Patient read
-- returns them and Patient?identifier= finds the patient by any of them. Append-only: an identifier once sent stays;
-- a Patient sent again with a new one adds a row. system is '' when the sender gave none.
create table fhir_patient_identifier (
    patient_id  uuid not null references patient (id),
    system      text not null,
    value       text not null,
    use         text,
    type_text   text,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    primary key (patient_id, system, value)
);
create index fhir_patient_identifier_value on fhir_patient_identifier (value);

-- A sender's directory: the Organization, Practitioner, Location and PractitionerRole resources it sent (alone, as
-- a directory Bundle, or with a patient), so that a later patient Bundle that references them resolves, as on a FHIR
-- server. One id space for the clinic (as on a FHIR server): the same type and id sent again with other content
-- adds a version; the newest is current. Reference data, no patient's.
create table fhir_directory_resource (
    resource_type text not null,
    resource_id   text not null,
    version       int not null,
    content_hash  text not null,
    resource      text not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    primary key (resource_type, resource_id, version)
);

-- identifier -> directory resource, for conditional references (Practitioner?identifier=system|value)
create table fhir_directory_identifier (
    resource_type text not null,
    system        text not null,
    value         text not null,
    resource_id   text not null,
    recorded_at   timestamptz not null default now(),
    primary key (resource_type, system, value, resource_id)
);

create trigger fhir_patient_identifier_append_only before update or delete on fhir_patient_identifier
    for each row execute function refuse_change();
create trigger fhir_directory_resource_append_only before update or delete on fhir_directory_resource
    for each row execute function refuse_change();
create trigger fhir_directory_identifier_append_only before update or delete on fhir_directory_identifier
    for each row execute function refuse_change();
