-- patient: attached documents (letters, clinical notes from other systems) as text, versioned like every entry.
create table document (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    title text not null, document_date date not null, author text, content_type text not null, content text not null,
    unique (entry_id, version)
);
create index document_current on document (patient_id, entry_id, version desc);
create trigger document_append_only before update or delete on document
    for each row execute function refuse_change();
