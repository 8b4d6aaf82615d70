-- evaluation: episodes across sessions, their findings (versioned like every chart entry), and the physician's
-- sign-off. The finding tables follow the chart's convention (bookkeeping columns, then the record's components).
create table evaluation_episode (
    id          uuid primary key,
    patient_id  uuid not null references patient (id),
    opened_at   timestamptz not null default now(),
    opened_by   text not null
);
create index evaluation_episode_patient on evaluation_episode (patient_id, opened_at desc);

create table evaluation_signoff (
    id          bigserial primary key,
    episode_id  uuid not null unique references evaluation_episode (id),
    signed_by   text not null,
    signed_at   timestamptz not null default now()
);

create table evaluation_session (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    episode_id uuid not null, session_date date not null, history text, pain_sites text, pain_character text,
    onset text, aggravating_factors text, relieving_factors text,
    unique (entry_id, version)
);

create table physical_exam (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    episode_id uuid not null, exam_date date not null, range_of_motion text, neurological_exam text,
    straight_leg_raise_left text, straight_leg_raise_right text,
    faber text, gaenslen text, thigh_thrust text, compression text, distraction text, yeoman text,
    facet_loading text, trigger_points_found int, trigger_point_findings text,
    unique (entry_id, version)
);

create table diagnostic_test (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    episode_id uuid not null, kind text not null, name text not null, ordered_on date not null, resulted_on date,
    result text, block_target text, relief_percent int, relief_hours int,
    unique (entry_id, version)
);

create table psych_evaluation (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    episode_id uuid not null, evaluated_on date not null, conclusion text not null, conditions text,
    unique (entry_id, version)
);

create table psychotherapy_note (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    episode_id uuid not null, note_date date not null, note text not null,
    unique (entry_id, version)
);

create table diagnosis (
    row_id bigserial primary key, entry_id uuid not null, version int not null,
    patient_id uuid not null references patient (id), voided boolean not null default false, void_reason text,
    change_reason text, recorded_by text not null, recorded_at timestamptz not null default now(),
    episode_id uuid not null, icd10_code text not null, description text not null, certainty text not null,
    unique (entry_id, version)
);

do $$
declare t text;
begin
    foreach t in array array['evaluation_session','physical_exam','diagnostic_test','psych_evaluation',
                             'psychotherapy_note','diagnosis'] loop
        execute format('create index %I on %I (patient_id, entry_id, version desc)', t || '_current', t);
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                       t || '_append_only', t);
    end loop;
    foreach t in array array['evaluation_episode','evaluation_signoff'] loop
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                       t || '_append_only', t);
    end loop;
end $$;
