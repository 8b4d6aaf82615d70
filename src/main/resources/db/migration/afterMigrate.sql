-- Runs after every migration, as the owner role Flyway signs in with. When the application connects as a role of
-- its own (${relief_app_role}; empty when one role does both), that role may read and write rows but owns no table:
-- it cannot disable or drop the append-only triggers, and it cannot update, delete or truncate the audit log at all.
do $$
declare
    app text := '${relief_app_role}';
begin
    if app <> '' and app <> current_user then
        execute format('grant usage on schema public to %I', app);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
        execute format('grant usage, select, update on all sequences in schema public to %I', app);
        execute format('revoke update, delete, truncate on audit_event from %I', app);
    end if;
end $$;
