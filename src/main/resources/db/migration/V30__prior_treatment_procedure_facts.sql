-- patient: a prior treatment done elsewhere is the same clinical fact as a procedure documented here. New nullable
-- columns carry what the procedure rules read (catalogue therapy, CPT / SNOMED CT code, region, side, levels,
-- steroid dose, relief and how long it lasted, the result in the sender's words). Rows written before stay valid:
-- the rules map them by name and say which fact is missing.
alter table prior_treatment add column therapy_code text;
alter table prior_treatment add column cpt_code text;
alter table prior_treatment add column snomed_code text;
alter table prior_treatment add column region text;
alter table prior_treatment add column side text;
alter table prior_treatment add column levels int;
alter table prior_treatment add column steroid_mg int;
alter table prior_treatment add column relief_percent int;
alter table prior_treatment add column relief_weeks int;
alter table prior_treatment add column result_as_reported text;
