package org.relief.procedure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.relief.patient.Codes.BodySide;
import org.relief.patient.Codes.SpineRegion;
import org.relief.patient.PriorTreatment;
import org.relief.patient.TreatmentCatalogue;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.rules.Facts.Origin;
import org.relief.procedure.rules.Facts.PastProcedure;
import org.relief.procedure.rules.Facts.Region;
import org.relief.procedure.rules.Facts.Reported;
import org.relief.procedure.rules.Facts.Side;
import org.relief.procedure.rules.ProcedureType;
import org.relief.record.Versioned;

/**
 * The one fact source of earlier procedures every look-back rule reads: procedures documented here (with the relief
 * of their latest follow-up and the longest time it lasted) merged with procedures done outside (the chart's prior
 * treatments the therapy catalogue reads as a procedure the rules know), each labelled with where it came from.
 * An outside entry's region and side come from its fields, else from the words of its name ("Lumbar ... left");
 * what neither says stays null for the rules to name. Plain Java: no Spring, no SQL.
 */
public final class PastProcedures {

    private static final Pattern LEFT = Pattern.compile("(?i).*\\bleft\\b.*");
    private static final Pattern RIGHT = Pattern.compile("(?i).*\\bright\\b.*");
    private static final Pattern BILATERAL = Pattern.compile("(?i).*\\bbilateral\\b.*");

    private PastProcedures() {}

    /**
     * Every earlier procedure, oldest first.
     *
     * @param excluded a documented procedure to leave out (the one being checked after the fact), or null
     */
    public static List<PastProcedure> merge(
            List<Versioned<Performed>> performed,
            List<Versioned<FollowUp>> followUps,
            List<Versioned<PriorTreatment>> treatments,
            TreatmentCatalogue catalogue,
            UUID excluded) {
        List<PastProcedure> all = new ArrayList<>();
        for (Versioned<Performed> v : performed) {
            if (v.entryId().equals(excluded)) {
                continue;
            }
            all.add(here(v, followUps));
        }
        for (Versioned<PriorTreatment> v : treatments) {
            PastProcedure p = outside(v.data(), catalogue);
            if (p != null) {
                all.add(p);
            }
        }
        all.sort(Comparator.comparing(PastProcedure::date));
        return List.copyOf(all);
    }

    static PastProcedure here(Versioned<Performed> v, List<Versioned<FollowUp>> followUps) {
        Performed p = v.data();
        List<FollowUp> fu = followUps.stream()
                .map(Versioned::data)
                .filter(f -> f.procedureId().equals(v.entryId()))
                .sorted(Comparator.comparing(FollowUp::followedUpOn))
                .toList();
        Integer relief = fu.isEmpty() ? null : fu.get(fu.size() - 1).reliefPercent();
        Integer weeks = fu.stream()
                .map(FollowUp::reliefLastedWeeks)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        return new PastProcedure(
                p.type(),
                p.performedOn(),
                p.region(),
                p.side(),
                p.levels(),
                p.steroidMg() == null ? null : p.steroidMg().doubleValue(),
                relief,
                weeks,
                Origin.HERE,
                p.type().label().toLowerCase(Locale.ROOT) + " documented on " + p.performedOn(),
                null);
    }

    /** An outside procedure from a prior treatment, or null when the catalogue reads it as no procedure we know. */
    static PastProcedure outside(PriorTreatment t, TreatmentCatalogue catalogue) {
        TreatmentCatalogue.Classification c = catalogue.classify(t);
        ProcedureType type = type(c.procedureType());
        if (c.conservative() || type == null) {
            return null;
        }
        return new PastProcedure(
                type,
                t.startDate(),
                region(t),
                side(t),
                t.levels(),
                t.steroidMg() == null ? null : t.steroidMg().doubleValue(),
                t.reliefPercent(),
                t.reliefWeeks(),
                Origin.OUTSIDE,
                "prior treatment '" + t.therapy() + "' of " + t.startDate(),
                reported(t));
    }

    private static ProcedureType type(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ProcedureType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Region region(PriorTreatment t) {
        if (t.region() != null) {
            return switch (t.region()) {
                case CERVICAL -> Region.CERVICAL;
                case THORACIC -> Region.THORACIC;
                case LUMBAR -> Region.LUMBAR;
                case SACRAL -> Region.SACRAL;
                case OTHER -> Region.OTHER;
            };
        }
        String name = t.therapy().toLowerCase(Locale.ROOT);
        for (SpineRegion r : List.of(SpineRegion.CERVICAL, SpineRegion.THORACIC, SpineRegion.LUMBAR)) {
            if (name.contains(r.name().toLowerCase(Locale.ROOT))) {
                return Region.valueOf(r.name());
            }
        }
        return null;
    }

    static Side side(PriorTreatment t) {
        if (t.side() != null) {
            return t.side() == BodySide.MIDLINE
                    ? Side.NONE
                    : Side.valueOf(t.side().name());
        }
        String name = t.therapy();
        if (BILATERAL.matcher(name).matches()
                || (LEFT.matcher(name).matches() && RIGHT.matcher(name).matches())) {
            return Side.BILATERAL;
        }
        return LEFT.matcher(name).matches() ? Side.LEFT : RIGHT.matcher(name).matches() ? Side.RIGHT : null;
    }

    private static Reported reported(PriorTreatment t) {
        return switch (t.result()) {
            case NONE -> Reported.NO_IMPROVEMENT;
            case PARTIAL -> Reported.PARTIAL;
            case GOOD -> Reported.GOOD;
            case UNKNOWN -> Reported.NOT_REPORTED;
        };
    }
}
