-- medication (issue 11): structured medications and the opioid safety records that feed the safety evaluation.
-- Versioned and append-only like every chart record: a stop (with its reason) or a correction is a new version.
create table medication_structured (
    row_id          bigserial primary key,
    entry_id        uuid not null,
    version         int  not null,
    patient_id      uuid not null references patient (id),
    voided          boolean not null default false,
    void_reason     text,
    change_reason   text,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    ingredients     jsonb not null,
    form            text not null,
    route           text not null,
    sig             jsonb not null,
    sig_text        text not null,
    start_date      date,
    stop_date       date,
    stop_reason     text,
    last_dose_taken jsonb,
    prescriber      jsonb not null,
    indication      text,
    structures      uuid,
    unique (entry_id, version)
);
create index medication_structured_patient on medication_structured (patient_id);

-- naloxone offered, PDMP checked (what was found), urine drug test, treatment agreement on file, a flag
-- acknowledged with its reason: each a small versioned record of its own.
create table opioid_safety_record (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    kind          text not null,
    on_date       date not null,
    finding       text,
    flag_code     text,
    flag_text     text,
    unique (entry_id, version)
);
create index opioid_safety_record_patient on opioid_safety_record (patient_id);

create trigger medication_structured_append_only before update or delete on medication_structured
    for each row execute function refuse_change();
create trigger opioid_safety_record_append_only before update or delete on opioid_safety_record
    for each row execute function refuse_change();
