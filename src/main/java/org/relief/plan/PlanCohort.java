package org.relief.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every patient's first signed plan, for cohort statistics (the outcomes module's realistic expectations and cohort
 * view): the therapies it combined (catalogue names) and the day the first of them started. One query; no audit of
 * its own (the caller audits the view it is part of).
 */
@Service
public class PlanCohort {

    /** A patient's first signed plan: its therapies (names, sorted) and the earliest start date among them. */
    public record FirstPlan(UUID patientId, List<String> therapies, LocalDate start) {}

    private final JdbcClient jdbc;

    PlanCohort(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<FirstPlan> firstSignedPlans() {
        Map<UUID, List<String>> therapies = new LinkedHashMap<>();
        Map<UUID, LocalDate> starts = new LinkedHashMap<>();
        jdbc.sql("""
                        with f as (
                            select distinct on (v.patient_id) v.patient_id, v.id
                            from plan_version v join plan_signoff s on s.version_id = v.id
                            order by v.patient_id, v.version)
                        select f.patient_id, t.therapy_code, t.start_date
                        from f join plan_therapy t on t.version_id = f.id
                        order by f.patient_id, t.therapy_code""").query(rs -> {
            UUID id = rs.getObject("patient_id", UUID.class);
            String code = rs.getString("therapy_code");
            String name = TherapyCatalog.byCode(code).map(Therapy::name).orElse(code);
            List<String> names = therapies.computeIfAbsent(id, k -> new ArrayList<>());
            if (!names.contains(name)) {
                names.add(name);
            }
            LocalDate start = rs.getObject("start_date", LocalDate.class);
            starts.merge(id, start, (a, b) -> a.isBefore(b) ? a : b);
        });
        List<FirstPlan> out = new ArrayList<>();
        therapies.forEach(
                (id, names) -> out.add(new FirstPlan(id, names.stream().sorted().toList(), starts.get(id))));
        return out;
    }
}
