-- letters (issue 15): the consult letter back to the referring clinician, one entry per signed evaluation episode.
-- Versioned and append-only like every chart record: each save of the draft is a version, signing is the last one
-- and carries the PDF as it was signed.
create table consult_letter (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    episode_id    uuid not null,
    status        text not null check (status in ('DRAFT', 'SIGNED')),
    letter_date   date not null,
    recipient     text not null,
    facts         jsonb not null,
    plan_in_words text not null,
    requests      text,
    comments      text,
    next_review   date,
    signed_by     text,
    pdf           text,
    check ((status = 'SIGNED') = (pdf is not null and signed_by is not null)),
    unique (entry_id, version)
);
create index consult_letter_patient on consult_letter (patient_id);

create trigger consult_letter_append_only before update or delete on consult_letter
    for each row execute function refuse_change();
