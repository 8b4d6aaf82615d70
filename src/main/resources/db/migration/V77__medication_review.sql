-- medication (issue 11): the periodic review of one medication (or a medication that should be started): the benefit
-- judged from the patient's own scores as it was shown, side effects reported, the decision (continue, change dose,
-- taper, stop, start) with its reason, a taper plan as dated steps, and the next review. Versioned, append-only.
create table medication_review (
    row_id              bigserial primary key,
    entry_id            uuid not null,
    version             int  not null,
    patient_id          uuid not null references patient (id),
    voided              boolean not null default false,
    void_reason         text,
    change_reason       text,
    recorded_by         text not null,
    recorded_at         timestamptz not null default now(),
    medication_entry_id uuid,
    medication_name     text not null,
    on_date             date not null,
    verdict             text,
    benefit             text,
    benefit_source      text,
    side_effects        text,
    decision            text not null,
    reason              text not null,
    taper               jsonb,
    next_review         date,
    unique (entry_id, version)
);
create index medication_review_patient on medication_review (patient_id);

create trigger medication_review_append_only before update or delete on medication_review
    for each row execute function refuse_change();
