-- patient: a problem that arrives coded in SNOMED CT only (a FHIR referral) keeps that code; one of the two codes
-- is always there.
alter table problem alter column icd10_code drop not null;
alter table problem add column snomed_code text;
alter table problem add constraint problem_coded check (icd10_code is not null or snomed_code is not null);
