-- The record engine stores every non-scalar payload component as jsonb (through Jackson): the safety flags of an
-- instrument response become a JSON array of the same "concern:risk" texts. Every row keeps its flags; the table
-- stays append-only (a column type change rewrites the table without firing the refuse_change trigger, which stays).
alter table instrument_response alter column safety_flags drop default;
alter table instrument_response alter column safety_flags type jsonb using to_jsonb(safety_flags);
alter table instrument_response alter column safety_flags set default '[]';
