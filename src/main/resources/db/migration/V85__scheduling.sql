-- scheduling (issue 14): rooms with their equipment, appointment types, opening and working hours, absences, and
-- appointments. An appointment is a versioned record (append-only like every chart record): moving it, cancelling it
-- (with the reason) or marking a no-show is its next version. What each current booking occupies (a clinician, a
-- room, the patient, over a time range) is kept in appointment_occupancy, whose exclusion constraint lets PostgreSQL
-- itself refuse a double booking, also when two people book the last slot at the same moment.
create extension if not exists btree_gist;

-- the clinic's configuration (the demo clinic's set below; the admin changes it)
create table sched_room (
    id        uuid primary key,
    name      text not null unique,
    kind      text not null,
    equipment text[] not null default '{}',
    position  int not null default 0
);

create table sched_appointment_type (
    code             text primary key,
    label            text not null,
    discipline       text not null,
    minutes          int not null check (minutes between 5 and 480),
    room_kinds       text[] not null,
    equipment        text[] not null default '{}',
    recovery_minutes int not null default 0 check (recovery_minutes between 0 and 480),
    driver_required  boolean not null default false,
    nothing_by_mouth boolean not null default false,
    therapy_codes    text[] not null default '{}',
    before_visit     text,
    position         int not null default 0
);

-- opening hours (ISO weekday 1 = Monday); a clinician without hours of their own works these
create table sched_clinic_hours (
    weekday int primary key check (weekday between 1 and 7),
    opens   time not null,
    closes  time not null check (closes > opens)
);

create table sched_working_hours (
    staff_id uuid not null references staff (id),
    weekday  int not null check (weekday between 1 and 7),
    starts   time not null,
    ends     time not null check (ends > starts),
    primary key (staff_id, weekday)
);

create table sched_absence (
    id          uuid primary key,
    staff_id    uuid not null references staff (id),
    first_day   date not null,
    last_day    date not null check (last_day >= first_day),
    reason      text not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);

create table appointment (
    row_id        bigserial primary key,
    entry_id      uuid not null,
    version       int  not null,
    patient_id    uuid not null references patient (id),
    voided        boolean not null default false,
    void_reason   text,
    change_reason text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    type_code     text not null references sched_appointment_type (code),
    staff_id      uuid not null references staff (id),
    room_id       uuid not null references sched_room (id),
    day           date not null,
    start_minute  int  not null check (start_minute between 0 and 1439),
    end_minute    int  not null check (end_minute between 1 and 1440),
    status        text not null,
    series_id     uuid,
    order_id      uuid,
    note          text,
    unique (entry_id, version)
);
create index appointment_patient on appointment (patient_id);
create index appointment_day on appointment (day);
alter table appointment add constraint appointment_ends_after_start check (end_minute > start_minute);
create trigger appointment_append_only before update or delete on appointment
    for each row execute function refuse_change();

-- times are the clinic's wall-clock time (day, minutes after midnight).
-- what the current version of each booked appointment occupies: 'staff:<id>', 'room:<id>', 'patient:<id>'. Not a
-- record (the history is in appointment): a move or a cancellation replaces an appointment's rows here in the same
-- transaction as its new version.
create table appointment_occupancy (
    appointment_id uuid not null,
    resource       text not null,
    during         tsrange not null,
    exclude using gist (resource with =, during with &&)
);
create index appointment_occupancy_appointment on appointment_occupancy (appointment_id);

insert into sched_clinic_hours (weekday, opens, closes) values
    (1, '08:00', '17:00'), (2, '08:00', '17:00'), (3, '08:00', '17:00'), (4, '08:00', '17:00'), (5, '08:00', '17:00');

insert into sched_room (id, name, kind, equipment, position) values
    ('5c0e0000-0000-4000-8000-000000000001', 'Consult room 1', 'CONSULT', '{TREATMENT_TABLE}', 1),
    ('5c0e0000-0000-4000-8000-000000000002', 'Consult room 2', 'CONSULT', '{}', 2),
    ('5c0e0000-0000-4000-8000-000000000003', 'Physical therapy gym', 'PT_GYM', '{EXERCISE_EQUIPMENT,TREATMENT_TABLE}', 3),
    ('5c0e0000-0000-4000-8000-000000000004', 'Acupuncture room', 'ACUPUNCTURE', '{TREATMENT_TABLE}', 4),
    ('5c0e0000-0000-4000-8000-000000000005', 'Procedure room', 'PROCEDURE', '{PROCEDURE_TABLE,ULTRASOUND}', 5),
    ('5c0e0000-0000-4000-8000-000000000006', 'Fluoroscopy suite 1', 'FLUOROSCOPY', '{FLUOROSCOPY,PROCEDURE_TABLE}', 6),
    ('5c0e0000-0000-4000-8000-000000000007', 'Fluoroscopy suite 2', 'FLUOROSCOPY', '{FLUOROSCOPY,PROCEDURE_TABLE}', 7);

-- durations and recovery-bay times are the clinic's own settings (not clinical rules); the hours of fasting before
-- sedation are the physician's instruction, so the type says only that there is one
insert into sched_appointment_type
    (code, label, discipline, minutes, room_kinds, equipment, recovery_minutes, driver_required, nothing_by_mouth,
     therapy_codes, before_visit, position) values
    ('CONSULT_NEW', 'New patient consultation', 'PHYSICIAN', 60, '{CONSULT}', '{}', 0, false, false, '{}',
     'Bring your imaging reports and a list of your medications.', 1),
    ('FOLLOW_UP', 'Follow-up visit', 'PHYSICIAN', 30, '{CONSULT}', '{}', 0, false, false, '{MEDICATION}',
     'Bring your pain diary.', 2),
    ('ESI', 'Epidural steroid injection', 'PHYSICIAN', 45, '{FLUOROSCOPY}', '{FLUOROSCOPY}', 30, false, false,
     '{ESI_IL,ESI_TF,ESI_CAUDAL}', 'Follow the blood-thinner instructions your physician gave you.', 3),
    ('MBB', 'Medial branch block (diagnostic)', 'PHYSICIAN', 30, '{FLUOROSCOPY}', '{FLUOROSCOPY}', 30, false, false,
     '{MBB}', 'Keep a pain diary for the hours after the block.', 4),
    ('RFA', 'Radiofrequency ablation (with sedation)', 'PHYSICIAN', 60, '{FLUOROSCOPY}', '{FLUOROSCOPY}', 45, true,
     true, '{RFA}', 'Someone must drive you home. Nothing to eat or drink beforehand, as your physician instructs.', 5),
    ('SIJ_INJ', 'Sacroiliac joint injection', 'PHYSICIAN', 30, '{FLUOROSCOPY}', '{FLUOROSCOPY}', 30, false, false,
     '{SIJ_INJ}', 'Follow the blood-thinner instructions your physician gave you.', 6),
    ('TPI', 'Trigger point injections', 'PHYSICIAN', 30, '{PROCEDURE}', '{PROCEDURE_TABLE}', 0, false, false, '{TPI}',
     null, 7),
    ('PT_SESSION', 'Physical therapy session', 'PHYSICAL_THERAPIST', 45, '{PT_GYM}', '{EXERCISE_EQUIPMENT}', 0, false,
     false, '{PT}', 'Wear clothes you can move in.', 8),
    ('CHIRO_VISIT', 'Chiropractic visit', 'CHIROPRACTOR', 30, '{CONSULT}', '{TREATMENT_TABLE}', 0, false, false,
     '{CHIRO}', null, 9),
    ('ACUPUNCTURE', 'Acupuncture session', 'ACUPUNCTURIST', 45, '{ACUPUNCTURE}', '{TREATMENT_TABLE}', 0, false, false,
     '{ACUPUNCTURE}', 'Eat a light meal beforehand.', 10),
    ('CBT_SESSION', 'Pain psychology session', 'MENTAL_HEALTH_THERAPIST', 50, '{CONSULT}', '{}', 0, false, false,
     '{CBT,MINDFULNESS,CRISIS_PLAN}', null, 11);
