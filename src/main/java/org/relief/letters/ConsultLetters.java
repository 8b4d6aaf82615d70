package org.relief.letters;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.relief.audit.AuditAction;
import org.relief.careteam.Actor;
import org.relief.careteam.ChartAccess;
import org.relief.careteam.OpenChart;
import org.relief.careteam.Permission;
import org.relief.careteam.Purpose;
import org.relief.careteam.Staff;
import org.relief.careteam.StaffDirectory;
import org.relief.evaluation.Episode;
import org.relief.evaluation.Evaluations;
import org.relief.letters.LetterKinds.Status;
import org.relief.letters.LetterKinds.Stored;
import org.relief.record.RecordKind;
import org.relief.record.RecordStore;
import org.relief.record.Versioned;
import org.relief.shared.FieldProblem;
import org.relief.shared.Inputs;
import org.relief.shared.InvalidInputException;
import org.relief.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The consult letter back to the referring clinician, one per signed evaluation episode. Drafted from signed records
 * ({@link ConsultFactsReader}); the physician edits the free-text parts ({@link LetterText}) and signs. Each save is
 * the next version of the letter (record engine, never an update); signing stores the PDF with that version, and a
 * signed letter takes no further drafts. Every read and write goes through the chart guard; saving and signing need
 * {@link Permission#SIGN_EVALUATION} (the physician who signs the evaluation signs its letter).
 */
@Service
public class ConsultLetters {
    // Why over 300 lines: one aggregate (a letter's versions: preview, draft, sign, its PDFs, the export) behind one
    // guard; next split: the PDF model and rendering.

    public static final String TITLE = "Consult letter";

    private final RecordStore records;
    private final RecordKind<Stored> letters;
    private final ChartAccess access;
    private final Evaluations evaluations;
    private final ConsultFactsReader reader;
    private final Documents documents;
    private final StaffDirectory staff;
    private final Validator validator;
    private final Clock clock;

    ConsultLetters(
            RecordStore records,
            RecordKind<Stored> consultLetterKind,
            ChartAccess access,
            Evaluations evaluations,
            ConsultFactsReader reader,
            Documents documents,
            StaffDirectory staff,
            Validator validator,
            Clock clock) {
        this.records = records;
        this.letters = consultLetterKind;
        this.access = access;
        this.evaluations = evaluations;
        this.reader = reader;
        this.documents = documents;
        this.staff = staff;
        this.validator = validator;
        this.clock = clock;
    }

    /** One version of a letter as shown. */
    public record Letter(
            UUID entryId,
            int version,
            Status status,
            LocalDate letterDate,
            ConsultFacts facts,
            LetterText text,
            String signedBy,
            String recordedBy,
            java.time.Instant recordedAt) {

        public boolean signed() {
            return status == Status.SIGNED;
        }
    }

    /**
     * The letter page: the facts (as stored when signed, else read now), the text to edit, the current version and
     * every version; or why there is no letter yet.
     */
    public record Preview(
            ConsultFacts facts,
            LetterText text,
            Letter current,
            List<Letter> versions,
            String missing,
            List<Letter> earlierSigned) {

        public boolean possible() {
            return missing == null;
        }
    }

    /** A signed letter with its PDF (for FHIR). */
    public record SignedLetter(
            UUID entryId,
            int version,
            LocalDate letterDate,
            String signedBy,
            java.time.Instant recordedAt,
            byte[] pdf) {}

    @Transactional(readOnly = true)
    public Preview preview(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("consult letter"));
        Optional<Episode> episode = signedEpisode(actor, patientId);
        // signed letters of earlier evaluation episodes stay listed (a new episode starts a new letter)
        List<Letter> earlier = records.current(letters, patientId).stream()
                .filter(v -> v.data().status() == Status.SIGNED)
                .filter(v -> episode.isEmpty()
                        || !v.data().episodeId().equals(episode.get().id()))
                .map(this::letter)
                .toList();
        if (episode.isEmpty()) {
            return new Preview(
                    null,
                    null,
                    null,
                    List.of(),
                    "The evaluation is not signed yet: a consult letter states only what is signed.",
                    earlier);
        }
        List<Letter> versions = versions(patientId, episode.get().id());
        Letter current = versions.isEmpty() ? null : versions.get(0);
        ConsultFacts facts =
                current != null && current.signed() ? current.facts() : reader.read(actor, patientId, episode.get());
        LetterText text = current != null ? current.text() : defaults(facts);
        return new Preview(facts, text, current, versions, null, earlier);
    }

    /** Saves the edited text as the next draft version (nothing is signed). */
    @Transactional
    public Letter saveDraft(Actor actor, UUID patientId, LetterText text, Errors bound) {
        OpenChart chart = access.open(
                actor, patientId, Purpose.write("save the consult letter draft"), Permission.SIGN_EVALUATION);
        Inputs.check(validator, text, bound);
        Episode episode = requireSignedEpisode(actor, patientId);
        ConsultFacts facts = reader.read(actor, patientId, episode);
        Versioned<Stored> saved = store(
                patientId,
                episode.id(),
                text,
                new Stored(
                        episode.id(),
                        Status.DRAFT,
                        today(),
                        recipient(facts),
                        facts,
                        text.planInWords().strip(),
                        strip(text.requests()),
                        strip(text.comments()),
                        text.nextReview(),
                        null,
                        null),
                actor);
        chart.audit(AuditAction.CREATE, "consult letter " + saved.entryId() + " draft version " + saved.version());
        return letter(saved);
    }

    /** Signs the letter with this text: the next version, signed, with its PDF. */
    @Transactional
    public Letter sign(Actor actor, UUID patientId, LetterText text, Errors bound) {
        OpenChart chart =
                access.open(actor, patientId, Purpose.write("sign the consult letter"), Permission.SIGN_EVALUATION);
        Inputs.check(validator, text, bound);
        Episode episode = requireSignedEpisode(actor, patientId);
        ConsultFacts facts = reader.read(actor, patientId, episode);
        String signer =
                staff.findByUsername(actor.username()).map(Staff::displayName).orElse(actor.username());
        LocalDate date = today();
        Stored unsigned = new Stored(
                episode.id(),
                Status.SIGNED,
                date,
                recipient(facts),
                facts,
                text.planInWords().strip(),
                strip(text.requests()),
                strip(text.comments()),
                text.nextReview(),
                signer,
                null);
        byte[] pdf = render(unsigned, false);
        Versioned<Stored> saved = store(
                patientId,
                episode.id(),
                text,
                new Stored(
                        unsigned.episodeId(),
                        unsigned.status(),
                        unsigned.letterDate(),
                        unsigned.recipient(),
                        unsigned.facts(),
                        unsigned.planInWords(),
                        unsigned.requests(),
                        unsigned.comments(),
                        unsigned.nextReview(),
                        unsigned.signedBy(),
                        Base64.getEncoder().encodeToString(pdf)),
                actor);
        chart.audit(
                AuditAction.CREATE,
                "consult letter " + saved.entryId() + " version " + saved.version() + " signed, to "
                        + unsigned.recipient());
        return letter(saved);
    }

    /**
     * The letter as PDF: the signed version's stored PDF when the letter is signed (or the version asked for), else
     * the draft rendered now with DRAFT on every page; empty when there is nothing to print (no signed evaluation).
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(Actor actor, UUID patientId, Integer version) {
        return pdf(actor, patientId, null, version);
    }

    /**
     * As {@link #pdf(Actor, UUID, Integer)}; with {@code letterId}, the signed PDF of that letter of the patient (an
     * earlier evaluation's), its latest signed version unless one is named.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(Actor actor, UUID patientId, UUID letterId, Integer version) {
        access.open(actor, patientId, Purpose.read("consult letter (PDF)"));
        if (letterId != null) {
            if (!records.patientOf(letters, letterId).map(patientId::equals).orElse(false)) {
                throw new NotFoundException("No consult letter " + letterId + " on this chart");
            }
            return Optional.of(records.history(letters, letterId).stream()
                    .filter(h -> h.data().pdf() != null && (version == null || h.version() == version))
                    .max(Comparator.comparingInt(Versioned::version))
                    .map(h -> Base64.getDecoder().decode(h.data().pdf()))
                    .orElseThrow(() -> new NotFoundException("No signed version of the consult letter " + letterId)));
        }
        Optional<Episode> episode = signedEpisode(actor, patientId);
        if (episode.isEmpty()) {
            return Optional.empty();
        }
        List<Letter> versions = versions(patientId, episode.get().id());
        if (version != null) {
            Versioned<Stored> v = history(patientId, episode.get().id()).stream()
                    .filter(h -> h.version() == version && h.data().pdf() != null)
                    .findFirst()
                    .orElseThrow(
                            () -> new NotFoundException("No signed version " + version + " of the consult letter"));
            return Optional.of(Base64.getDecoder().decode(v.data().pdf()));
        }
        if (!versions.isEmpty() && versions.get(0).signed()) {
            return Optional.of(storedPdf(patientId, episode.get().id()));
        }
        ConsultFacts facts = reader.read(actor, patientId, episode.get());
        LetterText text = versions.isEmpty() ? defaults(facts) : versions.get(0).text();
        return Optional.of(render(
                new Stored(
                        episode.get().id(),
                        Status.DRAFT,
                        today(),
                        recipient(facts),
                        facts,
                        text.planInWords(),
                        text.requests(),
                        text.comments(),
                        text.nextReview(),
                        null,
                        null),
                true));
    }

    /** Every signed letter of the patient (its current version) with its PDF, for {@code $everything}. */
    @Transactional(readOnly = true)
    public List<SignedLetter> signed(Actor actor, UUID patientId) {
        access.open(actor, patientId, Purpose.read("consult letters"));
        return records.current(letters, patientId).stream()
                .filter(v -> v.data().status() == Status.SIGNED && v.data().pdf() != null)
                .map(v -> new SignedLetter(
                        v.entryId(),
                        v.version(),
                        v.data().letterDate(),
                        v.data().signedBy(),
                        v.recordedAt(),
                        Base64.getDecoder().decode(v.data().pdf())))
                .toList();
    }

    /**
     * What the latest signed consult letter asks of the referring physician, for the discharge summary (the caller
     * has opened the chart).
     */
    Optional<String> signedRequests(UUID patientId) {
        return records.current(letters, patientId).stream()
                .filter(v -> v.data().status() == Status.SIGNED && v.data().requests() != null)
                .max(Comparator.comparing(v -> v.data().letterDate()))
                .map(v -> v.data().requests());
    }

    /** Which patient a letter belongs to (FHIR reads name the letter alone); reading it stays with {@link #signed}. */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(UUID entryId) {
        return records.patientOf(letters, entryId);
    }

    /** The HTML of the letter as it would print now (the preview beside the form). */
    public String html(ConsultFacts facts, LetterText text, boolean draft, String signedBy, LocalDate date) {
        return documents.html("consult", model(facts, text, draft, signedBy, date));
    }

    byte[] render(Stored s, boolean draft) {
        LetterText text = new LetterText(s.planInWords(), s.requests(), s.comments(), s.nextReview(), 0);
        return documents.pdf("consult", model(s.facts(), text, draft, s.signedBy(), s.letterDate()), s.letterDate());
    }

    private Map<String, Object> model(
            ConsultFacts facts, LetterText text, boolean draft, String signedBy, LocalDate date) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", TITLE + ": " + facts.patientName());
        model.put("facts", facts);
        model.put("text", text);
        model.put("draft", draft);
        model.put("signedBy", signedBy);
        model.put("letterDate", date);
        return model;
    }

    private Versioned<Stored> store(UUID patientId, UUID episodeId, LetterText text, Stored data, Actor actor) {
        Optional<Versioned<Stored>> current = records.current(letters, patientId).stream()
                .filter(v -> v.data().episodeId().equals(episodeId))
                .findFirst();
        if (current.isEmpty()) {
            if (text.basedOnVersion() != 0) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        "basedOnVersion", "names a letter version that does not exist: reload the page")));
            }
            return records.insertFirst(letters, patientId, UUID.randomUUID(), data, actor.username());
        }
        if (current.get().data().status() == Status.SIGNED) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "letter",
                    "is signed already (version " + current.get().version() + ", by "
                            + current.get().data().signedBy() + "): a signed letter is not changed")));
        }
        String reason = data.status() == Status.SIGNED ? "signed" : "draft edited";
        return records.insertNext(
                letters, current.get().entryId(), text.basedOnVersion(), data, reason, actor.username());
    }

    private List<Versioned<Stored>> history(UUID patientId, UUID episodeId) {
        return records.current(letters, patientId).stream()
                .filter(v -> v.data().episodeId().equals(episodeId))
                .findFirst()
                .map(v -> records.history(letters, v.entryId()))
                .orElse(List.of());
    }

    /** Every version of the episode's letter, newest first. */
    private List<Letter> versions(UUID patientId, UUID episodeId) {
        List<Letter> out = new ArrayList<>(
                history(patientId, episodeId).stream().map(this::letter).toList());
        out.sort(Comparator.comparingInt(Letter::version).reversed());
        return out;
    }

    private byte[] storedPdf(UUID patientId, UUID episodeId) {
        return history(patientId, episodeId).stream()
                .filter(v -> v.data().pdf() != null)
                .max(Comparator.comparingInt(Versioned::version))
                .map(v -> Base64.getDecoder().decode(v.data().pdf()))
                .orElseThrow();
    }

    private Letter letter(Versioned<Stored> v) {
        Stored s = v.data();
        return new Letter(
                v.entryId(),
                v.version(),
                s.status(),
                s.letterDate(),
                s.facts(),
                new LetterText(s.planInWords(), s.requests(), s.comments(), s.nextReview(), v.version()),
                s.signedBy(),
                v.recordedBy(),
                v.recordedAt());
    }

    private Optional<Episode> signedEpisode(Actor actor, UUID patientId) {
        return evaluations.latest(actor, patientId).filter(Episode::signed);
    }

    private Episode requireSignedEpisode(Actor actor, UUID patientId) {
        return signedEpisode(actor, patientId)
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem(
                        "letter",
                        "cannot be written before the evaluation is signed (it states only what is signed)"))));
    }

    /** The first draft: the signed plan in words, the earliest goal date still ahead as the next review. */
    LetterText defaults(ConsultFacts facts) {
        StringBuilder plan = new StringBuilder();
        if (facts.therapies().isEmpty()) {
            plan.append("The team plan is not signed yet.");
        } else {
            for (ConsultFacts.TherapyLine t : facts.therapies()) {
                if (plan.length() > 0) {
                    plan.append('\n');
                }
                plan.append(t.name())
                        .append(" with ")
                        .append(t.owner())
                        .append(", ")
                        .append(t.frequency());
                if (t.duration() != null && !t.duration().isBlank()) {
                    plan.append(t.duration().strip().equalsIgnoreCase("ongoing") ? ", " : " for ")
                            .append(t.duration().strip());
                }
                if (t.start() != null) {
                    plan.append(", from ").append(t.start());
                }
                plan.append('.');
            }
        }
        return new LetterText(plan.toString(), "", "", reader.nextReview(facts, today()), 0);
    }

    private static String recipient(ConsultFacts facts) {
        return facts.referringClinician() + (facts.referringPractice() == null ? "" : ", " + facts.referringPractice());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    }
}
