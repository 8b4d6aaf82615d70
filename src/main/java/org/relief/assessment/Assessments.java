package org.relief.assessment;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.relief.assessment.AssessmentKinds.Answered;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.patient.Patients;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.Inputs;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.relief.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
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
    // Why over 300 lines: record, correct, void, read and compare instrument responses: one service per record kind;
    // scoring lives in Scorers.

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final RecordKind<Answered> responses;
    private final Patients patients;
    private final ChartAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    /** A new response as any caller gives it (form or JSON), checked after the guard. */
    record NewResponse(
            @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future")
            LocalDate administeredOn,

            @NotEmpty(message = "answer at least one item") Map<String, Integer> answers) {}

    /** A correction as any caller gives it, checked after the guard and the version check. */
    record Correction(
            @NotNull(message = "must be a date, not in the future")
            @PastOrPresent(message = "must be a date, not in the future")
            LocalDate administeredOn,

            @NotBlank(message = "say what was corrected") String changeReason) {}

    Assessments(
            JdbcClient jdbc,
            RecordStore records,
            RecordKind<Answered> responses,
            Patients patients,
            ChartAccess access,
            AuditLog audit,
            ApplicationEventPublisher events,
            Validator validator) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.records = records;
        this.responses = responses;
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
    public InstrumentResponse record(
            Actor actor,
            UUID patientId,
            String instrumentCode,
            LocalDate administeredOn,
            Map<String, Integer> answers) {
        OpenChart chart = mayRecord(actor, patientId, "record " + instrumentCode);
        Instrument instrument = instrument(instrumentCode);
        Inputs.check(validator, new NewResponse(administeredOn, answers), null);
        Score score = scoreOrRefuse(instrument, answers);
        InstrumentResponse saved = response(
                patientId,
                records.insertFirst(
                        this.responses,
                        patientId,
                        UUID.randomUUID(),
                        answered(instrument, administeredOn, answers, score),
                        actor.username()));
        chart.audit(
                AuditAction.CREATE,
                instrument.code() + " response " + saved.entryId() + " total " + score.total()
                        + (score.hasSafetyFlag() ? " [SAFETY FLAG]" : ""));
        announce(actor, patientId, saved.entryId(), instrument, score);
        return saved;
    }

    /** One response of a series ({@link #recordSeries}): the day it was given and its answers. */
    public record Given(LocalDate administeredOn, Map<String, Integer> answers) {}

    /**
     * Records a series of responses to one instrument at once: a pain diary kept on paper, the demo clinic's year of
     * daily pain scores. The same guard as {@link #record}; each response is checked and scored as {@link #record}
     * does it and announced, so the safety protocol acts on every one in this transaction. They are written in one
     * batch, with one audit row naming how many and their first and last day (one row each, with an audit commit
     * each, was most of the demo seeding's outcomes patients: issue 16, start-up). A bad response refuses the whole
     * series, named by its place ({@code series[3].answers.pain}), and nothing is stored.
     *
     * @return how many responses were recorded
     */
    @Transactional
    public int recordSeries(Actor actor, UUID patientId, String instrumentCode, List<Given> series) {
        OpenChart chart = mayRecord(actor, patientId, "record a series of " + instrumentCode);
        Instrument instrument = instrument(instrumentCode);
        if (series.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("series", "give at least one response")));
        }
        Map<UUID, Answered> rows = new LinkedHashMap<>();
        Map<UUID, Score> scores = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Given given = series.get(i);
            try {
                Inputs.check(validator, new NewResponse(given.administeredOn(), given.answers()), null);
                Score score = scoreOrRefuse(instrument, given.answers());
                UUID id = UUID.randomUUID();
                rows.put(id, answered(instrument, given.administeredOn(), given.answers(), score));
                scores.put(id, score);
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    problems.add(new FieldProblem("series[" + i + "]." + p.field(), p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        records.insertFirstAll(this.responses, patientId, rows, null, actor.username());
        boolean flagged = scores.values().stream().anyMatch(Score::hasSafetyFlag);
        List<LocalDate> days =
                series.stream().map(Given::administeredOn).sorted().toList();
        chart.audit(
                AuditAction.CREATE,
                instrument.code() + ": " + rows.size() + " responses recorded, given " + days.get(0) + " to "
                        + days.get(days.size() - 1) + (flagged ? " [SAFETY FLAG]" : ""));
        scores.forEach((id, score) -> announce(actor, patientId, id, instrument, score));
        return rows.size();
    }

    /**
     * Corrects a response (wrong answer keyed in): the next version with the new answers, rescored; the earlier
     * version stays. A correction that now carries a safety flag raises the alert like a new response.
     */
    @Transactional
    public InstrumentResponse correct(
            Actor actor,
            UUID patientId,
            UUID entryId,
            int expectedVersion,
            LocalDate administeredOn,
            Map<String, Integer> answers,
            String reason) {
        OpenChart chart = mayRecord(actor, patientId, "correct instrument response " + entryId);
        InstrumentResponse current = latest(patientId, entryId);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(entryId, expectedVersion, current.version(), current.recordedBy());
        }
        Inputs.check(validator, new Correction(administeredOn, reason), null);
        Instrument instrument = instrument(current.instrument());
        Score score = scoreOrRefuse(instrument, answers);
        InstrumentResponse saved = response(
                patientId,
                records.insertNext(
                        this.responses,
                        entryId,
                        expectedVersion,
                        answered(instrument, administeredOn, answers, score),
                        reason.strip(),
                        actor.username()));
        chart.audit(
                AuditAction.UPDATE,
                instrument.code() + " response " + entryId + " version " + saved.version() + " total " + score.total()
                        + ": " + reason.strip());
        announce(actor, patientId, entryId, instrument, score);
        return saved;
    }

    /** The current version of one response (audited read). */
    @Transactional(readOnly = true)
    public InstrumentResponse response(Actor actor, UUID patientId, UUID entryId) {
        access.open(actor, patientId, Purpose.read("instrument response " + entryId));
        return latest(patientId, entryId);
    }

    /** Voids a mistaken response with a reason; it stays readable in the database's version history. */
    @Transactional
    public void voidResponse(Actor actor, UUID patientId, UUID entryId, int expectedVersion, String reason) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("void instrument response " + entryId), Permission.RECORD_INSTRUMENTS);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "say why this response is voided")));
        }
        latest(patientId, entryId);
        records.voidEntry(this.responses, entryId, expectedVersion, reason.strip(), actor.username());
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
        return records.patientOf(this.responses, responseId);
    }

    private Map<String, List<InstrumentResponse>> responses(UUID patientId) {
        List<InstrumentResponse> all = records.current(this.responses, patientId).stream()
                .map(v -> response(patientId, v))
                .toList();
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
                if (previous != null
                        && previous.total() != null
                        && r.total() != null
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

    /** The latest version of a response of this patient's chart (voided or not), or a 404. */
    private InstrumentResponse latest(UUID patientId, UUID entryId) {
        return records.patientOf(this.responses, entryId)
                .filter(patientId::equals)
                .flatMap(p -> records.latest(this.responses, entryId))
                .map(v -> response(patientId, v))
                .orElseThrow(() -> new NotFoundException("No instrument response " + entryId + " in this chart"));
    }

    private static Answered answered(
            Instrument instrument, LocalDate administeredOn, Map<String, Integer> answers, Score score) {
        return new Answered(
                instrument.code(),
                administeredOn,
                new TreeMap<>(answers),
                score.total() == null ? null : BigDecimal.valueOf(score.total()),
                score.band(),
                score.subscales(),
                score.safetyFlags().stream()
                        .map(f -> f.concern() + ":" + f.risk())
                        .toList());
    }

    private static InstrumentResponse response(UUID patientId, Versioned<Answered> v) {
        Answered a = v.data();
        return new InstrumentResponse(
                v.entryId(),
                v.version(),
                patientId,
                a.instrument(),
                a.administeredOn(),
                withoutNulls(a.answers()),
                a.total() == null ? null : a.total().doubleValue(),
                a.band(),
                withoutNulls(a.subscales()),
                a.safetyFlags() == null ? List.of() : a.safetyFlags(),
                v.recordedBy(),
                v.recordedAt(),
                null,
                null);
    }

    /** A key without a number (JSON null) is left out, as it always was; no value at all is an empty map. */
    private static <V> Map<String, V> withoutNulls(Map<String, V> map) {
        Map<String, V> copy = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    /**
     * Opens the chart to record or correct a response: staff need {@link Permission#RECORD_INSTRUMENTS}; the portal's
     * patient answers in their own chart only (the guard grants {@code SELF} for it and refuses every other chart),
     * through this same path, so their answers are scored, stored, audited and announced to the safety protocol
     * exactly as staff entry is.
     */
    private OpenChart mayRecord(Actor actor, UUID patientId, String what) {
        if (actor.isPatient()) {
            return access.open(actor, patientId, Purpose.write(what));
        }
        return access.open(actor, patientId, Purpose.write(what), Permission.RECORD_INSTRUMENTS);
    }

    /** Tells the safety protocol (and any other listener) of a stored response, in the caller's transaction. */
    private void announce(Actor actor, UUID patientId, UUID entryId, Instrument instrument, Score score) {
        events.publishEvent(new InstrumentResponseRecorded(
                patientId,
                entryId,
                instrument.code(),
                score.safetyFlags(),
                actor.staffId(),
                actor.username(),
                actor.role().name(),
                actor.address()));
    }

    private static Score scoreOrRefuse(Instrument instrument, Map<String, Integer> answers) {
        try {
            return instrument.scorer().score(instrument, answers);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new InvalidInputException(List.of(
                    colon > 0
                            ? new FieldProblem(
                                    "answers." + message.substring(0, colon),
                                    message.substring(colon + 1).strip())
                            : new FieldProblem("answers", message)));
        }
    }

    static Instrument instrument(String code) {
        return Instruments.byCode(code).orElseThrow(() -> new NotFoundException("No instrument '" + code + "'"));
    }

    /** Loaded item wording for a licensed instrument: item id -> text (latest load wins). */
    @Transactional(readOnly = true)
    public Map<String, String> loadedTexts(String instrumentCode) {
        Map<String, String> texts = new HashMap<>();
        jdbc.sql("""
                select distinct on (item_id) item_id, text from instrument_item_text
                where instrument = ? order by item_id, id desc""")
                .param(instrumentCode)
                .query((rs, n) -> texts.put(rs.getString(1), rs.getString(2)))
                .list();
        return texts;
    }

    /** The admin loads the clinic's licensed wording for an instrument's items (blank texts are skipped). */
    @Transactional
    public int loadTexts(Actor actor, String instrumentCode, Map<String, String> texts) {
        Instrument instrument = instrument(instrumentCode);
        int loaded = 0;
        for (var e : texts.entrySet()) {
            if (instrument.item(e.getKey()).isEmpty()
                    || e.getValue() == null
                    || e.getValue().isBlank()) {
                continue;
            }
            jdbc.sql("insert into instrument_item_text (instrument, item_id, text, loaded_by) values (?, ?, ?, ?)")
                    .params(instrument.code(), e.getKey(), e.getValue().strip(), actor.username())
                    .update();
            loaded++;
        }
        audit.record(actor, null, AuditAction.ADMIN, "loaded " + loaded + " item texts for " + instrument.code(), "OK");
        return loaded;
    }
}
