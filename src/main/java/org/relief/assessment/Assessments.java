package org.relief.assessment;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.Permission;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Purpose;
import org.relief.patient.Patients;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and reading instrument responses. Clinicians on the care team (or with a break-glass grant) record;
 * each response is scored on the way in, stored with who, when and the answers, audited, and announced so the
 * safety protocol can act on it in the same transaction.
 */
@Service
public class Assessments {

    private static final RowMapper<InstrumentResponse> ROW = Assessments::map;

    private final JdbcClient jdbc;
    private final Patients patients;
    private final ChartAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Assessments(JdbcClient jdbc, Patients patients, ChartAccess access, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /** Scores answers without storing anything (the form's live score). Bad answers are refused per item. */
    public Score preview(String instrumentCode, Map<String, Integer> answers) {
        Instrument instrument = instrument(instrumentCode);
        return scoreOrRefuse(instrument, answers);
    }

    /** Records a response; refuses a future date, unknown items and out-of-range answers, naming each. */
    @Transactional
    public InstrumentResponse record(Actor actor, UUID patientId, String instrumentCode, LocalDate administeredOn,
            Map<String, Integer> answers) {
        OpenChart chart = mayRecord(actor, patientId, "record " + instrumentCode);
        Instrument instrument = instrument(instrumentCode);
        List<FieldProblem> problems = new ArrayList<>();
        if (administeredOn == null) {
            problems.add(new FieldProblem("administeredOn", "is required"));
        } else if (administeredOn.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("administeredOn", "must not be in the future"));
        }
        if (answers.isEmpty()) {
            problems.add(new FieldProblem("answers", "answer at least one item"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Score score = scoreOrRefuse(instrument, answers);
        InstrumentResponse saved = insert(UUID.randomUUID(), 1, patientId, instrument, administeredOn, answers, score,
                false, null, null, actor.username());
        chart.audit(AuditAction.CREATE,
                instrument.code() + " response " + saved.entryId() + " total " + score.total()
                        + (score.hasSafetyFlag() ? " [SAFETY FLAG]" : ""));
        events.publishEvent(new InstrumentResponseRecorded(patientId, saved.entryId(), instrument.code(),
                score.safetyFlags(), actor.staffId(), actor.username(), actor.role().name(), actor.address()));
        return saved;
    }

    /**
     * Corrects a response (wrong answer keyed in): the next version with the new answers, rescored; the earlier
     * version stays. A correction that now carries a safety flag raises the alert like a new response.
     */
    @Transactional
    public InstrumentResponse correct(Actor actor, UUID patientId, UUID entryId, int expectedVersion,
            LocalDate administeredOn, Map<String, Integer> answers, String reason) {
        OpenChart chart = mayRecord(actor, patientId, "correct instrument response " + entryId);
        InstrumentResponse current = latest(entryId).filter(r -> r.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("No instrument response " + entryId + " in this chart"));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(entryId, expectedVersion, current.version(), current.recordedBy());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (administeredOn == null || administeredOn.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("administeredOn", "must be a date, not in the future"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("changeReason", "say what was corrected"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instrument instrument = instrument(current.instrument());
        Score score = scoreOrRefuse(instrument, answers);
        InstrumentResponse saved = insert(entryId, current.version() + 1, patientId, instrument, administeredOn,
                answers, score, false, null, reason.strip(), actor.username());
        chart.audit(AuditAction.UPDATE,
                instrument.code() + " response " + entryId + " version " + saved.version() + " total " + score.total()
                        + ": " + reason.strip());
        events.publishEvent(new InstrumentResponseRecorded(patientId, entryId, instrument.code(),
                score.safetyFlags(), actor.staffId(), actor.username(), actor.role().name(), actor.address()));
        return saved;
    }

    /** The current version of one response (audited read). */
    @Transactional(readOnly = true)
    public InstrumentResponse response(Actor actor, UUID patientId, UUID entryId) {
        access.open(actor, patientId, Purpose.read("instrument response " + entryId));
        return latest(entryId).filter(x -> x.patientId().equals(patientId) && x.version() > 0)
                .orElseThrow(() -> new NotFoundException("No instrument response " + entryId + " in this chart"));
    }

    /** Voids a mistaken response with a reason; it stays readable in the database's version history. */
    @Transactional
    public void voidResponse(Actor actor, UUID patientId, UUID entryId, int expectedVersion, String reason) {
        OpenChart chart = mayRecord(actor, patientId, "void instrument response " + entryId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "say why this response is voided")));
        }
        InstrumentResponse current = latest(entryId).filter(r -> r.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("No instrument response " + entryId + " in this chart"));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(entryId, expectedVersion, current.version(), current.recordedBy());
        }
        Instrument instrument = instrument(current.instrument());
        insert(entryId, current.version() + 1, patientId, instrument, current.administeredOn(), current.answers(),
                instrument.scorer().score(instrument, current.answers()), true, reason.strip(), null,
                actor.username());
        chart.audit(AuditAction.VOID, "instrument response " + entryId + ": " + reason.strip());
    }

    /** Every current response of the patient, oldest first, with meaningful changes marked per instrument. */
    @Transactional(readOnly = true)
    public Map<String, List<InstrumentResponse>> history(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("instrument responses"));
        return responses(patientId);
    }

    /**
     * The latest current response of each instrument, for rules that read the chart (candidacy). No audit of its
     * own: callers audit the read they are part of.
     */
    @Transactional(readOnly = true)
    public Map<String, InstrumentResponse> latestByInstrument(UUID patientId) {
        Map<String, InstrumentResponse> latest = new LinkedHashMap<>();
        responses(patientId).forEach((code, list) -> latest.put(code, list.get(list.size() - 1)));
        return latest;
    }

    /**
     * Which patient a response belongs to (a FHIR read names the response alone). Reading it stays with
     * {@link #history}, which checks access and audits.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(UUID responseId) {
        return jdbc.sql("select patient_id from instrument_response where entry_id = ? limit 1").param(responseId)
                .query(UUID.class).optional();
    }

    private Map<String, List<InstrumentResponse>> responses(UUID patientId) {
        List<InstrumentResponse> all = jdbc.sql("""
                select * from (select distinct on (entry_id) * from instrument_response where patient_id = ?
                               order by entry_id, version desc) t
                where not voided order by administered_on, recorded_at""")
                .param(patientId).query(ROW).list();
        Map<String, List<InstrumentResponse>> byInstrument = new LinkedHashMap<>();
        for (Instrument instrument : Instruments.ALL) {
            List<InstrumentResponse> list = new ArrayList<>();
            InstrumentResponse previous = null;
            InstrumentResponse baseline = null;
            for (InstrumentResponse r : all) {
                if (!r.instrument().equals(instrument.code())) {
                    continue;
                }
                String change = null;
                if (previous != null && previous.total() != null && r.total() != null
                        && instrument.meaningfulChange() != null
                        && instrument.meaningfulChange().isMeaningful(previous.total(), r.total())) {
                    change = r.total() < previous.total() ? "improved" : "worsened";
                }
                BaselineChange fromBaseline = baseline != null && r.total() != null
                        ? BaselineChange.of(instrument, baseline.administeredOn(), baseline.total(), r.total())
                        : null;
                list.add(r.withChanges(change, fromBaseline));
                previous = r.total() != null ? r : previous;
                baseline = baseline == null && r.total() != null ? r : baseline;
            }
            if (!list.isEmpty()) {
                byInstrument.put(instrument.code(), list);
            }
        }
        return byInstrument;
    }

    private Optional<InstrumentResponse> latest(UUID entryId) {
        return jdbc.sql("select * from instrument_response where entry_id = ? order by version desc limit 1")
                .param(entryId).query(ROW).optional();
    }

    private InstrumentResponse insert(UUID entryId, int version, UUID patientId, Instrument instrument,
            LocalDate administeredOn, Map<String, Integer> answers, Score score, boolean voided, String voidReason,
            String changeReason, String by) {
        try {
            return jdbc.sql("""
                    insert into instrument_response (entry_id, version, patient_id, voided, void_reason, change_reason,
                        recorded_by, instrument, administered_on, answers, total, band, subscales, safety_flags)
                    values (:entry, :version, :patient, :voided, :voidReason, :changeReason, :by, :instrument,
                            :administeredOn, cast(:answers as jsonb), :total, :band, cast(:subscales as jsonb),
                            cast(:flags as text[]))
                    returning *""")
                    .param("entry", entryId).param("version", version).param("patient", patientId)
                    .param("voided", voided).param("voidReason", voidReason).param("changeReason", changeReason)
                    .param("by", by).param("instrument", instrument.code()).param("administeredOn", administeredOn)
                    .param("answers", Json.write(new java.util.TreeMap<>(answers)))
                    .param("total", score.total() == null ? null : BigDecimal.valueOf(score.total()))
                    .param("band", score.band())
                    .param("subscales", Json.write(score.subscales()))
                    .param("flags", "{" + String.join(",", score.safetyFlags().stream()
                            .map(f -> "\"" + f.concern() + ":" + f.risk() + "\"").toList()) + "}")
                    .query(ROW).single();
        } catch (DuplicateKeyException e) {
            throw new VersionConflictException(entryId, version - 1, version, "another user");
        }
    }

    private OpenChart mayRecord(Actor actor, UUID patientId, String what) {
        return access.open(actor, patientId, Purpose.write(what), Permission.RECORD_INSTRUMENTS);
    }

    private static Score scoreOrRefuse(Instrument instrument, Map<String, Integer> answers) {
        try {
            return instrument.scorer().score(instrument, answers);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new InvalidInputException(List.of(colon > 0
                    ? new FieldProblem("answers." + message.substring(0, colon), message.substring(colon + 1).strip())
                    : new FieldProblem("answers", message)));
        }
    }

    static Instrument instrument(String code) {
        return Instruments.byCode(code).orElseThrow(() -> new NotFoundException("No instrument '" + code + "'"));
    }

    private static InstrumentResponse map(ResultSet rs, int n) throws SQLException {
        BigDecimal total = rs.getBigDecimal("total");
        Array flags = rs.getArray("safety_flags");
        return new InstrumentResponse(rs.getObject("entry_id", UUID.class), rs.getInt("version"),
                rs.getObject("patient_id", UUID.class), rs.getString("instrument"),
                rs.getObject("administered_on", LocalDate.class), Json.readInts(rs.getString("answers")),
                total == null ? null : total.doubleValue(), rs.getString("band"),
                Json.readDoubles(rs.getString("subscales")),
                flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), null, null);
    }

    /** Loaded item wording for a licensed instrument: item id -> text (latest load wins). */
    @Transactional(readOnly = true)
    public Map<String, String> loadedTexts(String instrumentCode) {
        Map<String, String> texts = new HashMap<>();
        jdbc.sql("""
                select distinct on (item_id) item_id, text from instrument_item_text
                where instrument = ? order by item_id, id desc""")
                .param(instrumentCode).query((rs, n) -> texts.put(rs.getString(1), rs.getString(2))).list();
        return texts;
    }

    /** The admin loads the clinic's licensed wording for an instrument's items (blank texts are skipped). */
    @Transactional
    public int loadTexts(Actor actor, String instrumentCode, Map<String, String> texts) {
        Instrument instrument = instrument(instrumentCode);
        int loaded = 0;
        for (var e : texts.entrySet()) {
            if (instrument.item(e.getKey()).isEmpty() || e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            jdbc.sql("insert into instrument_item_text (instrument, item_id, text, loaded_by) values (?, ?, ?, ?)")
                    .params(instrument.code(), e.getKey(), e.getValue().strip(), actor.username()).update();
            loaded++;
        }
        audit.record(actor, null, AuditAction.ADMIN,
                "loaded " + loaded + " item texts for " + instrument.code(), "OK");
        return loaded;
    }
}
