-- procedure: orders with the rule engine's decision (every rule's outcome and the policy rows it used, so which
-- value was in force stays answerable), physicians' overrides of a BLOCK, procedures performed and their
-- follow-ups (versioned chart entries). All append-only.
create table procedure_order (
    id                 uuid primary key,
    patient_id         uuid not null references patient (id),
    type               text not null,
    region             text not null,
    side               text not null,
    levels             int not null,
    planned_date       date not null,
    indication         text not null,
    steroid_mg         numeric,
    particulate        boolean not null,
    image_guidance     boolean not null,
    ia_reason          text,
    bleeding_factors   boolean not null,
    vertebral          text,
    decision           text not null,
    ordered_by         text not null,
    ordered_at         timestamptz not null default now()
);
create index procedure_order_patient on procedure_order (patient_id, ordered_at desc);

create table procedure_order_outcome (
    id          bigserial primary key,
    order_id    uuid not null references procedure_order (id),
    rule        text not null,
    decision    text not null,
    reason      text not null,
    source      text not null,
    policy      text not null
);
create index procedure_order_outcome_order on procedure_order_outcome (order_id);

create table procedure_override (
    id          bigserial primary key,
    order_id    uuid not null unique references procedure_order (id),
    by_actor    text not null,
    reason      text not null,
    at          timestamptz not null default now()
);

create table procedure_record (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    order_id uuid, type text not null, performed_on date not null, region text not null, side text not null,
    levels int not null, pre_nrs int, post_nrs int, medication text, steroid_mg int, image_guidance text not null,
    complications text,
    unique (entry_id, version)
);

create table procedure_followup (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    procedure_id uuid not null, point text not null, followed_up_on date not null, relief_percent int not null,
    relief_lasted_weeks int, nrs int,
    unique (entry_id, version)
);

do $$
declare t text;
begin
    foreach t in array array['procedure_record','procedure_followup'] loop
        execute format('create index %I on %I (patient_id, entry_id, version desc)', t || '_current', t);
    end loop;
    foreach t in array array['procedure_order','procedure_order_outcome','procedure_override','procedure_record',
                             'procedure_followup'] loop
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                       t || '_append_only', t);
    end loop;
end $$;
