-- screening: the safety protocol (alerts, their follow-ups, holds on interventional care and their release) and
-- the physician's candidacy calls. All append-only: an alert is open until a follow-up exists, a hold is active
-- until a release exists.
create table safety_alert (
    id              uuid primary key,
    patient_id      uuid not null references patient (id),
    concern         text not null,
    risk            text not null,
    trigger_kind    text not null,
    detail          text not null,
    source_entry_id uuid,
    raised_at       timestamptz not null default now(),
    raised_by       text not null
);
create index safety_alert_patient on safety_alert (patient_id, raised_at desc);

create table safety_followup (
    id            bigserial primary key,
    alert_id      uuid not null references safety_alert (id),
    risk_level    text not null,
    action_taken  text not null,
    by_actor      text not null,
    by_role       text not null,
    at            timestamptz not null default now()
);
create index safety_followup_alert on safety_followup (alert_id);

create table care_hold (
    id          uuid primary key,
    patient_id  uuid not null references patient (id),
    reason      text not null,
    placed_at   timestamptz not null default now(),
    placed_by   text not null
);
create index care_hold_patient on care_hold (patient_id);

create table care_hold_release (
    id          bigserial primary key,
    hold_id     uuid not null unique references care_hold (id),
    released_by text not null,
    reason      text not null,
    at          timestamptz not null default now()
);

create table candidacy_call (
    id              bigserial primary key,
    patient_id      uuid not null references patient (id),
    screen_outcome  text not null,
    screen_reasons  text not null,
    final_call      text not null,
    agrees          boolean not null,
    reason          text,
    decided_by      text not null,
    decided_at      timestamptz not null default now()
);
create index candidacy_call_patient on candidacy_call (patient_id, decided_at desc);

do $$
declare t text;
begin
    foreach t in array array['safety_alert','safety_followup','care_hold','care_hold_release','candidacy_call'] loop
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                       t || '_append_only', t);
    end loop;
end $$;
