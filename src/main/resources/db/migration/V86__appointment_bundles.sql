-- linked bundles (issue 14): the appointment types a procedure's booking offers to book after it, as the clinic
-- configures them. When they fall (within relief.scheduling.bundle.within-days after; the follow-up visit
-- relief.scheduling.bundle.follow-up-after-days after) is the clinic's scheduling policy, not a clinical rule.
alter table sched_appointment_type add column bundle text[] not null default '{}';
update sched_appointment_type set bundle = '{PT_SESSION,FOLLOW_UP}' where code in ('ESI', 'SIJ_INJ', 'RFA');
