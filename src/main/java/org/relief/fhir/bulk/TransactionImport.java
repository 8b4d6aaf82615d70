package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.relief.audit.AuditAction;
import org.relief.audit.AuditLog;
import org.relief.careteam.Actor;
import org.relief.careteam.Role;
import org.relief.fhir.bulk.ImportReport.Status;
import org.relief.shared.FieldProblem;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * {@code POST /fhir} with a transaction Bundle: a referral packet from another system (Patient, Condition,
 * MedicationRequest, Procedure, ...). It goes the bulk import's way (the same translators, reference checks,
 * validation, chart checks and idempotency by source + type + id) with one difference: nothing is written unless
 * everything can be. So a Bundle carries one Patient (and what belongs to it): one patient is the import's unit of
 * all or nothing, one database transaction. Organization, Practitioner, Location and PractitionerRole resources go to
 * the clinic's {@link Directory} (a Bundle may hold only those: a sender's directory), and a reference to one of them
 * that the Bundle does not hold resolves there.
 */
@Service
public class TransactionImport {

    /** The answer: an HTTP status and its body (a transaction-response Bundle, or an OperationOutcome). */
    public record Result(int status, Resource body) {}

    private final FhirContext fhir;
    private final BulkImport bulk;
    private final Directory directory;
    private final AuditLog audit;

    private final boolean importCommand;

    /**
     * Set by the first transaction that arrives: the warm-up takes no further round after it, so it never competes
     * for the cores with the work it was preparing for (on a slow machine its ten rounds took 4.7 s and overlapped the
     * first packets).
     */
    private final java.util.concurrent.atomic.AtomicBoolean realWorkCame =
            new java.util.concurrent.atomic.AtomicBoolean();

    TransactionImport(
            FhirContext fhir,
            BulkImport bulk,
            Directory directory,
            AuditLog audit,
            org.springframework.boot.ApplicationArguments args) {
        this.audit = audit;
        this.fhir = fhir;
        this.bulk = bulk;
        this.directory = directory;
        this.importCommand = args.containsOption("import");
    }

    /**
     * Once the server is ready, a daemon thread parses and encodes a Bundle with one (empty) resource of each type
     * a referral packet brings: HAPI scans a resource type's model (reflection over its classes) the first time it
     * meets it, and the JVM loads the parser's classes on first use, which took seconds of the first transaction a
     * fresh server received (JFR, issue 16). Then it takes a placeholder packet ({@link WarmUpBundle}) apart as a
     * transaction would, ten times, so the JIT has compiled the parser's general paths before the
     * first packet comes (the first import of the compare run's 7 packets: 1.8 s before, 1.3 s after). It stops
     * between rounds once a real transaction has come. Nothing is stored. Not for the {@code --import} command, which
     * parses at once anyway.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        if (importCommand) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        WarmUpBundle.warmUp(fhir, realWorkCame::get);
                    } catch (RuntimeException e) {
                        // a warm-up that fails costs the first packet its time, nothing else
                        org.slf4j.LoggerFactory.getLogger(TransactionImport.class)
                                .debug("FHIR parser warm-up stopped", e);
                    }
                },
                "fhir-parser-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Applies the Bundle as {@code actor} (the token's staff member, who must be a physician: imported patients
     * join their care team as the coordinating physician).
     */
    public Result apply(Actor actor, String body) {
        if (actor.role() != Role.PHYSICIAN) {
            // refused before any chart is opened: audited here, naming the actor and what was refused
            audit.record(
                    actor,
                    null,
                    AuditAction.DENIED,
                    "FHIR transaction (register the Bundle's patient under " + "the token's staff member)",
                    "DENIED: " + actor.role().label() + " may not: send a FHIR "
                            + "transaction (only an interventional pain physician may)");
            throw new ForbiddenException("A transaction registers patients under the token's staff member, who "
                    + "must be an interventional pain physician");
        }
        realWorkCame.set(true);
        // strictly: a sender hears of an unknown element or a bad value at once, as a 400 naming it
        Bundle request = fhir.newJsonParser()
                .setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
                .parseResource(Bundle.class, body);
        long patients = request.getEntry().stream()
                .filter(e -> e.getResource() instanceof Patient)
                .count();
        if (patients > 1) {
            // one patient is the import's unit of all or nothing: several could not be one transaction
            throw new InvalidInputException(List.of(new FieldProblem(
                    "Bundle.entry",
                    "carries " + patients + " patients: send one referral packet (one Patient) per transaction")));
        }
        // a reference to a Practitioner, Organization or Location not in the Bundle resolves to one sent before
        NdjsonPacket packet = NdjsonPacket.fromBundle(fhir, request).withFallback(directory::resolve);
        ImportReport report = bulk.importPacket(actor, packet, null, p -> {}, true, System.nanoTime());
        if (!report.failures().isEmpty()) {
            // the server's fault (a database error, a bug) is a 500, the Bundle's a 400; either way the reasons are
            // in words, and an internal one gives only the error reference its detail is logged under
            boolean internal = report.failures().stream().anyMatch(ImportReport.Failure::internal);
            OperationOutcome oo = new OperationOutcome();
            for (ImportReport.Failure f : report.failures()) {
                oo.addIssue()
                        .setSeverity(IssueSeverity.ERROR)
                        .setCode(f.internal() ? IssueType.EXCEPTION : IssueType.PROCESSING)
                        .setDiagnostics(f.type() + (f.id() == null ? "" : "/" + f.id()) + ": " + f.reason())
                        .addExpression("Bundle.entry[" + (f.line() - 1) + "]");
            }
            return new Result(internal ? 500 : 400, oo);
        }
        // the directory resources (a sender's Organizations, Practitioners, Locations) are kept once the patient
        // is: a Bundle that fails leaves nothing, and one sent again changes nothing
        Map<NdjsonPacket.Line, Directory.Kept> kept = directory.keep(actor, packet.lines());
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (NdjsonPacket.Line l : packet.lines()) {
            var entry = response.addEntry();
            Directory.Kept k = kept.get(l);
            if (k != null) {
                entry.getResponse()
                        .setStatus(k.status() == Status.CREATED ? "201 Created" : "200 OK")
                        .setLocation(k.location());
                continue;
            }
            var outcome = report.outcomeOf(l.file(), l.line()).orElseThrow();
            entry.getResponse().setStatus(outcome.status() == Status.CREATED ? "201 Created" : "200 OK");
            if (outcome.location() != null) {
                entry.getResponse().setLocation(outcome.location());
            }
            if (outcome.status() == Status.SKIPPED) {
                // accepted but not kept: say so rather than pretend it is stored
                OperationOutcome why = new OperationOutcome();
                why.addIssue()
                        .setSeverity(IssueSeverity.INFORMATION)
                        .setCode(IssueType.INFORMATIONAL)
                        .setDiagnostics("Not kept: " + outcome.reason());
                entry.getResponse().setOutcome(why);
            }
        }
        return new Result(200, response);
    }
}
