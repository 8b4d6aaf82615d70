package org.relief.procedure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.relief.procedure.rules.ProcedureType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinic-wide figures of the procedure module for the clinic's outcome report: the physicians' overrides of a
 * blocking rule in a period (the procedure, the rules that blocked it) and who had a procedure performed in a period.
 * No names, no audit of its own: it serves aggregate figures, and the caller audits the report it is part of.
 */
@Service
public class ClinicActivity {

    /** One override: the procedure (a label), the rules whose block was overridden (as a person reads them), when. */
    public record Overridden(String procedure, List<String> blockingRules, Instant at) {}

    private final JdbcClient jdbc;

    ClinicActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The overrides written from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    @Transactional(readOnly = true)
    public List<Overridden> overridesBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select o.type, v.at,
                               (select string_agg(r.rule, E'\\n' order by r.id) from procedure_order_outcome r
                                where r.order_id = o.id and r.decision = 'BLOCK') as rules
                        from procedure_override v join procedure_order o on o.id = v.order_id
                        where v.at >= ? and v.at < ?
                        order by v.at, v.id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Overridden(
                        ProcedureType.valueOf(rs.getString("type")).label(),
                        rs.getString("rules") == null
                                ? List.of()
                                : Arrays.asList(rs.getString("rules").split("\n")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** The patients with a procedure performed on a day from {@code from} to {@code to} (both inclusive). */
    @Transactional(readOnly = true)
    public Set<UUID> treatedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select distinct patient_id
                        from (select distinct on (entry_id) patient_id, performed_on, voided
                              from procedure_record order by entry_id, version desc) c
                        where not voided and performed_on between ? and ?""").params(from, to).query(UUID.class).list().stream().collect(Collectors.toSet());
    }
}
