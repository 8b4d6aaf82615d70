-- A search by record number (PatientSearch: own patients and the whole clinic) looks up patient_summary.mrn; without
-- an index that was a scan of every patient, growing with the clinic (issue 16, measured with bench/scale.sh).
create index patient_summary_mrn on patient_summary (mrn);
