-- The safety gate (issue 8): a safety alert now moves the patient to "Deferred to mental health" in the
-- transaction that raises it. Patients whose care was put on hold before this change stayed where they were
-- (e.g. "Referred", or "On a plan"); they are moved now, with the reason in their step history, so the step shown
-- matches the hold. Discharged patients stay discharged (taking them back into care is a clinician's decision).
with held as (
    select s.patient_id from patient_summary s
    where s.step not in ('DEFERRED_MENTAL_HEALTH', 'DISCHARGED')
      and (exists (select 1 from care_hold h where h.patient_id = s.patient_id
                     and not exists (select 1 from care_hold_release r where r.hold_id = h.id))
        or exists (select 1 from safety_alert a where a.patient_id = s.patient_id
                     and not exists (select 1 from safety_followup f where f.alert_id = a.id)))
), moved as (
    insert into patient_step (patient_id, step, note, at, by_actor)
    select patient_id, 'DEFERRED_MENTAL_HEALTH',
           'Safety alert open or care on hold: interventional care on hold, mental health first (moved by the '
               || 'safety gate when it was introduced)',
           now(), 'system'
    from held
    returning patient_id
)
update patient_summary set step = 'DEFERRED_MENTAL_HEALTH', updated_at = now()
where patient_id in (select patient_id from moved);
