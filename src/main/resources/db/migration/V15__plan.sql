-- plan: team treatment plans. Every save is a new immutable version (goals and therapies belong to the version);
-- the physician's signature is a row of its own. Append-only.
create table plan_version (
    id             uuid primary key,
    patient_id     uuid not null references patient (id),
    version        int not null,
    change_reason  text,
    warning        text,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    unique (patient_id, version)
);

create table plan_goal (
    id           bigserial primary key,
    version_id   uuid not null references plan_version (id),
    kind         text not null,
    description  text not null,
    measure      text,
    target       numeric,
    target_date  date
);

create table plan_therapy (
    id            bigserial primary key,
    version_id    uuid not null references plan_version (id),
    therapy_code  text not null,
    owner_id      uuid not null,
    owner_name    text not null,
    frequency     text not null,
    duration      text not null,
    region        text,
    side          text,
    start_date    date not null,
    end_date      date
);

create table plan_signoff (
    id          bigserial primary key,
    version_id  uuid not null unique references plan_version (id),
    signed_by   text not null,
    signed_at   timestamptz not null default now()
);

do $$
declare t text;
begin
    foreach t in array array['plan_version','plan_goal','plan_therapy','plan_signoff'] loop
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                       t || '_append_only', t);
    end loop;
end $$;
