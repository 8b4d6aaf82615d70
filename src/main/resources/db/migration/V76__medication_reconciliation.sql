-- medication (issue 11): a reconciliation of the referral's list (free-text chart medications, typed or imported
-- from FHIR) with the structured list, at intake or at a visit: each line confirmed, changed, stopped or left to
-- reconcile, with its reason and what it became. Versioned and append-only like every chart record.
create table medication_reconciliation (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    occasion      text not null,
    on_date       date not null,
    lines         jsonb not null,
    note          text,
    unique (entry_id, version)
);
create index medication_reconciliation_patient on medication_reconciliation (patient_id);

create trigger medication_reconciliation_append_only before update or delete on medication_reconciliation
    for each row execute function refuse_change();
