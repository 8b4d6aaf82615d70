package org.relief.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The few facts per patient that cohort statistics compare patients on (the outcomes module's realistic expectations
 * and cohort view): birth date, the diagnosis group (the first three characters of the ICD-10 code of the earliest
 * recorded active problem) and how many prior treatments brought no relief (result "none"). Current versions only,
 * voided entries left out, in one query. No names, no audit of its own: it serves aggregate statistics, and the
 * caller audits the view it is part of.
 */
@Service
public class CohortFacts {

    /** One patient's facts; {@code diagnosisGroup} null when no active problem is recorded. */
    public record Fact(UUID patientId, LocalDate birthDate, String diagnosisGroup, int priorWithoutRelief) {}

    private final JdbcClient jdbc;

    CohortFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Fact> all() {
        return jdbc.sql("""
                        select s.patient_id, s.birth_date, d.dx, coalesce(f.failed, 0) as failed
                        from patient_summary s
                        left join (
                            select distinct on (patient_id) patient_id, left(icd10_code, 3) as dx
                            from (select distinct on (entry_id) patient_id, icd10_code, clinical_status, voided, row_id
                                  from problem order by entry_id, version desc) c
                            where not voided and clinical_status = 'ACTIVE'
                            order by patient_id, row_id) d on d.patient_id = s.patient_id
                        left join (
                            select patient_id, count(*) as failed
                            from (select distinct on (entry_id) patient_id, result, voided
                                  from prior_treatment order by entry_id, version desc) c
                            where not voided and result = 'NONE'
                            group by patient_id) f on f.patient_id = s.patient_id""")
                .query((rs, n) -> new Fact(
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("dx"),
                        rs.getInt("failed")))
                .list();
    }

    /**
     * The patients with an encounter dated from {@code from} to {@code to} (both inclusive): who was seen in a period,
     * for the clinic's outcome report. Current versions only, voided encounters left out.
     */
    @Transactional(readOnly = true)
    public Set<UUID> seenBetween(LocalDate from, LocalDate to) {
        return Set.copyOf(jdbc.sql("""
                        select distinct patient_id
                        from (select distinct on (entry_id) patient_id, encounter_date, voided
                              from encounter order by entry_id, version desc) c
                        where not voided and encounter_date between ? and ?""").params(from, to).query(UUID.class).list());
    }
}
