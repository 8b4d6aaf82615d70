-- portal (issue 13): the patient's own sign-in, invitations from the chart, the daily diary and the questionnaires
-- the clinic assigns before a visit.

-- A patient's portal account: separate from staff (its own table, its own sign-in). Like staff accounts it is
-- updated in place (password, lockout counters, enabled); every change is audited.
create table portal_account (
    id              uuid primary key,
    patient_id      uuid not null unique references patient (id),
    username        text unique,
    password_hash   text,
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    last_failed_at  timestamptz,
    locked_until    timestamptz,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    activated_at    timestamptz
);

-- A one-time invitation code (only its SHA-256 is kept), valid 7 days; the newest unused one of a patient is the
-- only one that works. A password reset by the clinic is a new invitation.
create table portal_invite (
    id         uuid primary key,
    patient_id uuid not null references patient (id),
    code_hash  text not null unique,
    issued_by  text not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index portal_invite_patient on portal_invite (patient_id, issued_at desc);

-- One diary entry per patient and day, versioned like every chart record: a same-day correction is version 2.
create table diary_entry (
    row_id             bigserial primary key,
    entry_id           uuid not null,
    version            int  not null,
    patient_id         uuid not null references patient (id),
    voided             boolean not null default false,
    void_reason        text,
    change_reason      text,
    recorded_by        text not null,
    recorded_at        timestamptz not null default now(),
    day                date not null,
    pain_now           int not null,
    pain_average       int not null,
    enjoyment          int not null,
    general_activity   int not null,
    sleep_quality      int not null,
    activity_minutes   int not null,
    medications_taken  jsonb not null,
    side_effects       text,
    therapies_done     jsonb not null,
    note               text,
    nrs_response       uuid,
    peg_response       uuid,
    unique (entry_id, version)
);
create index diary_entry_patient on diary_entry (patient_id, day);
-- one entry per day: a second first version of the same day is refused by the database too
create unique index diary_entry_one_per_day on diary_entry (patient_id, day) where version = 1;
create trigger diary_entry_append_only before update or delete on diary_entry
    for each row execute function refuse_change();

-- A questionnaire the clinic asks the patient to answer by a date. Answered = a response names it.
create table portal_assignment (
    id           uuid primary key,
    patient_id   uuid not null references patient (id),
    instrument   text not null,
    due_on       date not null,
    assigned_by  text not null,
    assigned_at  timestamptz not null default now()
);
create index portal_assignment_patient on portal_assignment (patient_id);
create table portal_assignment_answer (
    assignment_id uuid primary key references portal_assignment (id),
    response_id   uuid not null,
    answered_at   timestamptz not null default now()
);
create trigger portal_assignment_append_only before update or delete on portal_assignment
    for each row execute function refuse_change();
create trigger portal_assignment_answer_append_only before update or delete on portal_assignment_answer
    for each row execute function refuse_change();
