-- Failed sign-ins count toward the lockout only while they are recent (issue 10, defect 6): the last one's time.
alter table staff add column last_failed_at timestamptz;
