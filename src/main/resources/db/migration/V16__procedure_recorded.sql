-- A procedure documented without an order still runs the rules: its decision is kept as an order row that points at
-- the documented procedure (null for ordinary orders).
alter table procedure_order add column recorded_entry_id uuid;
