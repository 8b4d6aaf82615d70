-- assessment: instrument responses, versioned like every clinical entry (append-only; highest version is current).
create table instrument_response (
    row_id          bigserial primary key,
    entry_id        uuid not null,
    version         int  not null,
    patient_id      uuid not null references patient (id),
    voided          boolean not null default false,
    void_reason     text,
    change_reason   text,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    instrument      text not null,
    administered_on date not null,
    answers         jsonb not null,
    total           numeric(7, 2),
    band            text,
    subscales       jsonb not null default '{}',
    safety_flags    text[] not null default '{}',
    unique (entry_id, version)
);
create index instrument_response_current on instrument_response (patient_id, entry_id, version desc);
create trigger instrument_response_append_only before update or delete on instrument_response
    for each row execute function refuse_change();

-- Licensed item wording a clinic loads for its own use; the latest text per item is shown.
create table instrument_item_text (
    id          bigserial primary key,
    instrument  text not null,
    item_id     text not null,
    text        text not null,
    loaded_by   text not null,
    loaded_at   timestamptz not null default now()
);
create index instrument_item_text_item on instrument_item_text (instrument, item_id, id desc);
