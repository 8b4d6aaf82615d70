package org.relief.patient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.record.Versioned;

/**
 * Conservative care documented as failed, computed once from the prior treatments so the candidacy screen and the
 * procedure rules (ESI, facet, SIJ) read the same fact. Conservative care is every prior treatment the therapy
 * catalogue does not read as a procedure (physical therapy, TENS, chiropractic, medication, psychology, ...); it
 * failed when the result was no or partial improvement. Plain Java.
 *
 * @param failed the failed conservative treatments, longest first
 * @param longestWeeks the longest of them in whole weeks (an ongoing one runs to {@code today}), 0 when none
 */
public record ConservativeCare(List<Failed> failed, int longestWeeks) {

    /** One failed conservative treatment, with its length in whole weeks. */
    public record Failed(
            String therapy, TreatmentResult result, LocalDate start, LocalDate end, int weeks, String matchedBy) {

        /** "Physical therapy (no improvement, 12 weeks)". */
        public String describe() {
            return therapy + " (" + (result == TreatmentResult.NONE ? "no improvement" : "partial improvement") + ", "
                    + weeks + " week" + (weeks == 1 ? "" : "s") + ")";
        }
    }

    public static ConservativeCare of(
            List<Versioned<PriorTreatment>> treatments, TreatmentCatalogue catalogue, LocalDate today) {
        List<Failed> failed = new ArrayList<>();
        for (Versioned<PriorTreatment> v : treatments) {
            PriorTreatment t = v.data();
            if (t.result() != TreatmentResult.NONE && t.result() != TreatmentResult.PARTIAL) {
                continue;
            }
            TreatmentCatalogue.Classification c = catalogue.classify(t);
            if (c.conservative()) {
                LocalDate end = t.endDate() != null ? t.endDate() : today;
                failed.add(new Failed(
                        t.therapy(),
                        t.result(),
                        t.startDate(),
                        t.endDate(),
                        (int) Math.max(0, ChronoUnit.WEEKS.between(t.startDate(), end)),
                        c.matchedBy()));
            }
        }
        failed.sort(Comparator.comparingInt(Failed::weeks).reversed().thenComparing(Failed::therapy));
        return new ConservativeCare(
                List.copyOf(failed), failed.isEmpty() ? 0 : failed.get(0).weeks());
    }

    public boolean any() {
        return !failed.isEmpty();
    }

    /** The failed treatments in words, distinct, for a reason text. */
    public String describe() {
        return String.join(
                ", ", failed.stream().map(Failed::describe).distinct().toList());
    }
}
