-- audit: the append-only log of every access to a patient's data (and of sign-ins and admin actions).
create table audit_event (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    actor_role  text        not null,
    patient_id  uuid,
    action      text        not null,
    what        text        not null,
    outcome     text        not null,
    address     text
);
create index audit_event_patient_at on audit_event (patient_id, at desc);
create index audit_event_actor_at on audit_event (actor, at desc);
create index audit_event_at on audit_event (at desc);

-- Nobody edits or deletes the log through the application (or by accident through SQL): the database refuses it.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end $$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_change();
