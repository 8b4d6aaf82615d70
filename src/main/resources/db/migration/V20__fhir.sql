-- fhir: API tokens for integrations, and the map from imported FHIR resources to chart entries.

-- A token is shown once when issued; only its SHA-256 is kept. It acts with the access of one staff member
-- (care team, role), never more, and only within its scopes.
create table fhir_api_token (
    id          uuid primary key,
    name        text not null,
    token_hash  text not null unique,
    scopes      text not null,
    staff_id    uuid not null references staff (id),
    created_at  timestamptz not null default now(),
    created_by  text not null,
    revoked_at  timestamptz,
    revoked_by  text,
    last_used_at timestamptz
);

-- Idempotent import: one row per source resource (source system + type + id) that became a chart entry (or a
-- patient). content_hash is the hash of the resource as last imported: the same hash again changes nothing.
create table fhir_source_map (
    source        text not null,
    resource_type text not null,
    resource_id   text not null,
    patient_id    uuid not null references patient (id),
    entry_kind    text not null,
    entry_id      uuid not null,
    content_hash  text not null,
    imported_at   timestamptz not null default now(),
    primary key (source, resource_type, resource_id)
);
create index fhir_source_map_entry on fhir_source_map (entry_id);
