-- careteam: the people of the clinic, their roles, and who is on each patient's team.
create table staff (
    id               uuid primary key,
    username         text not null unique,
    display_name     text not null,
    role             text not null,
    password_hash    text not null,
    enabled          boolean not null default true,
    failed_attempts  int not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now()
);

create table care_team_member (
    id          bigserial primary key,
    patient_id  uuid not null,
    staff_id    uuid not null references staff (id),
    added_at    timestamptz not null default now(),
    added_by    text not null,
    removed_at  timestamptz,
    removed_by  text
);
create index care_team_member_staff on care_team_member (staff_id, patient_id) where removed_at is null;
create index care_team_member_patient on care_team_member (patient_id) where removed_at is null;

-- "Break the glass": access to a chart outside one's team, with a written reason, for a limited time.
create table break_glass (
    id          bigserial primary key,
    staff_id    uuid not null references staff (id),
    patient_id  uuid not null,
    reason      text not null,
    at          timestamptz not null default now(),
    expires_at  timestamptz not null
);
create index break_glass_staff_patient on break_glass (staff_id, patient_id, expires_at desc);
create trigger break_glass_append_only before update or delete on break_glass
    for each row execute function refuse_change();
