package org.relief.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.relief.procedure.Documentation;
import org.relief.record.Versioned;

/**
 * The procedures performed here and their follow-ups (procedure module's chart entries, read through the chart
 * service) as the outcomes analysis reads them: markers on the trajectory (date, kind, region, levels, side), the
 * NRS scores recorded at procedures (before, after, at follow-ups) and {@link ProcedureResponse}'s input. Voided
 * entries are left out. Plain Java.
 */
final class ProcedureHistory {

    private ProcedureHistory() {}

    /** One procedure done here, as a person reads it. */
    record Marker(UUID id, java.time.LocalDate date, String kind, String region, String levels, String side) {

        /** e.g. "Transforaminal ESI, Lumbar, 1 level, Left". */
        String label() {
            return kind + ", " + region + ", " + levels + (side.isEmpty() ? "" : ", " + side);
        }
    }

    /** An NRS score recorded at a procedure: before it, just after it, or at a follow-up. */
    record Score(java.time.LocalDate date, double nrs, String when) {}

    static List<Marker> markers(List<Versioned<Documentation.Performed>> performed) {
        List<Marker> out = new ArrayList<>();
        for (Versioned<Documentation.Performed> v : performed) {
            if (v.voided() || v.data() == null) {
                continue;
            }
            Documentation.Performed p = v.data();
            out.add(new Marker(
                    v.entryId(),
                    p.performedOn(),
                    p.type().label(),
                    words(p.region().name()),
                    p.levels() + (p.levels() == 1 ? " level" : " levels"),
                    switch (p.side()) {
                        case NONE -> "";
                        default -> words(p.side().name());
                    }));
        }
        out.sort(Comparator.comparing(Marker::date));
        return out;
    }

    /** The NRS scores documented with procedures and follow-ups (shown on the NRS trajectory; not analysed). */
    static List<Score> scores(
            List<Versioned<Documentation.Performed>> performed, List<Versioned<Documentation.FollowUp>> followUps) {
        List<Score> out = new ArrayList<>();
        for (Versioned<Documentation.Performed> v : performed) {
            if (v.voided() || v.data() == null) {
                continue;
            }
            Documentation.Performed p = v.data();
            if (p.preNrs() != null) {
                out.add(new Score(
                        p.performedOn(), p.preNrs(), "before " + p.type().label()));
            }
            if (p.postNrs() != null) {
                out.add(new Score(
                        p.performedOn(), p.postNrs(), "after " + p.type().label()));
            }
        }
        for (Versioned<Documentation.FollowUp> v : followUps) {
            if (!v.voided() && v.data() != null && v.data().nrs() != null) {
                out.add(new Score(v.data().followedUpOn(), v.data().nrs(), "procedure follow-up"));
            }
        }
        out.sort(Comparator.comparing(Score::date));
        return out;
    }

    /** Each procedure with its follow-ups (linked by the follow-up's procedure), for {@link ProcedureResponse}. */
    static List<ProcedureResponse.Followed> followed(
            List<Versioned<Documentation.Performed>> performed, List<Versioned<Documentation.FollowUp>> followUps) {
        Map<UUID, List<ProcedureResponse.FollowUp>> byProcedure = new LinkedHashMap<>();
        for (Versioned<Documentation.FollowUp> v : followUps) {
            if (v.voided() || v.data() == null) {
                continue;
            }
            byProcedure
                    .computeIfAbsent(v.data().procedureId(), k -> new ArrayList<>())
                    .add(new ProcedureResponse.FollowUp(
                            v.data().followedUpOn(), v.data().reliefPercent()));
        }
        List<ProcedureResponse.Followed> out = new ArrayList<>();
        for (Marker m : markers(performed)) {
            out.add(new ProcedureResponse.Followed(
                    new ProcedureResponse.Procedure(
                            m.kind(), m.date(), m.region(), m.levels(), m.side().isEmpty() ? null : m.side()),
                    byProcedure.getOrDefault(m.id(), List.of())));
        }
        return out;
    }

    private static String words(String enumName) {
        String s = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
