package org.relief.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.patient.Codes.BodySide;
import org.relief.patient.Codes.SpineRegion;
import org.relief.patient.Codes.TreatmentResult;
import org.relief.patient.PriorTreatment;
import org.relief.plan.CatalogueTreatments;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Guidance;
import org.relief.procedure.Documentation.Performed;
import org.relief.procedure.Documentation.Point;
import org.relief.procedure.rules.Facts.Origin;
import org.relief.procedure.rules.Facts.PastProcedure;
import org.relief.procedure.rules.Facts.Region;
import org.relief.procedure.rules.Facts.Reported;
import org.relief.procedure.rules.Facts.Side;
import org.relief.procedure.rules.ProcedureType;
import org.relief.record.Versioned;

/** One fact source: procedures documented here merged with outside ones, each labelled with its origin. */
class PastProceduresTest {

    private static final LocalDate D = LocalDate.of(2026, 1, 9);
    private final CatalogueTreatments catalogue = new CatalogueTreatments();

    @Test
    void mergesDocumentedAndOutsideProceduresOldestFirstWithTheirOrigin() {
        var here = v(new Performed(
                null,
                ProcedureType.ESI_TRANSFORAMINAL,
                D.plusMonths(3),
                Region.LUMBAR,
                Side.LEFT,
                1,
                7,
                3,
                "Dexamethasone 10 mg",
                60,
                Guidance.FLUOROSCOPY,
                null));
        var followUps = List.of(
                v(new FollowUp(here.entryId(), Point.TWO_WEEKS, D.plusMonths(3).plusWeeks(2), 70, 2, 3)),
                v(new FollowUp(here.entryId(), Point.SIX_WEEKS, D.plusMonths(3).plusWeeks(6), 40, 5, 5)));
        var outside = v(new PriorTreatment(
                "Lumbar transforaminal epidural steroid injection",
                D,
                D,
                "single procedure",
                TreatmentResult.PARTIAL,
                null,
                null));
        var pt = v(new PriorTreatment(
                "Physical therapy after lumbar surgery",
                D.minusYears(1),
                D.minusMonths(9),
                null,
                TreatmentResult.NONE,
                null,
                null));

        List<PastProcedure> all = PastProcedures.merge(List.of(here), followUps, List.of(pt, outside), catalogue, null);

        assertThat(all).hasSize(2);
        PastProcedure first = all.get(0);
        assertThat(first.origin()).isEqualTo(Origin.OUTSIDE);
        assertThat(first.type()).isEqualTo(ProcedureType.ESI_TRANSFORAMINAL);
        assertThat(first.region()).isEqualTo(Region.LUMBAR);
        assertThat(first.side()).isNull();
        assertThat(first.reliefPercent()).isNull();
        assertThat(first.steroidMg()).isNull();
        assertThat(first.reported()).isEqualTo(Reported.PARTIAL);
        assertThat(first.when()).isEqualTo("2026-01-09, outside: referral prior treatment");
        assertThat(first.complete("relief %"))
                .isEqualTo("complete the prior treatment 'Lumbar transforaminal "
                        + "epidural steroid injection' of 2026-01-09 (relief %)");
        PastProcedure second = all.get(1);
        assertThat(second.origin()).isEqualTo(Origin.HERE);
        assertThat(second.reliefPercent()).isEqualTo(40);
        assertThat(second.reliefWeeks()).isEqualTo(5);
        assertThat(second.steroidMg()).isEqualTo(60.0);
    }

    @Test
    void theEntrysOwnFieldsWinAndADocumentedProcedureCanBeLeftOut() {
        var complete = v(new PriorTreatment(
                "Injection elsewhere",
                D,
                D,
                null,
                TreatmentResult.GOOD,
                null,
                null,
                "ESI_IL",
                null,
                null,
                SpineRegion.CERVICAL,
                BodySide.MIDLINE,
                1,
                80,
                70,
                12,
                null));
        var here = v(new Performed(
                null,
                ProcedureType.MEDIAL_BRANCH_BLOCK,
                D,
                Region.LUMBAR,
                Side.RIGHT,
                2,
                null,
                null,
                null,
                null,
                Guidance.FLUOROSCOPY,
                null));
        List<PastProcedure> all =
                PastProcedures.merge(List.of(here), List.of(), List.of(complete), catalogue, here.entryId());
        assertThat(all).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(ProcedureType.ESI_INTERLAMINAR);
            assertThat(p.region()).isEqualTo(Region.CERVICAL);
            assertThat(p.side()).isEqualTo(Side.NONE);
            assertThat(p.steroidMg()).isEqualTo(80.0);
            assertThat(p.reliefPercent()).isEqualTo(70);
            assertThat(p.reliefWeeks()).isEqualTo(12);
        });
    }

    @Test
    void conservativeCareAndOperationsTheRulesDoNotKnowAreNotProcedureFacts() {
        var tens = v(new PriorTreatment("TENS unit", D, D, null, TreatmentResult.NONE, null, null));
        var surgery = v(new PriorTreatment("L4-L5 laminectomy", D, D, null, TreatmentResult.PARTIAL, null, null));
        assertThat(PastProcedures.merge(List.of(), List.of(), List.of(tens, surgery), catalogue, null))
                .isEmpty();
    }

    private static <T extends Record> Versioned<T> v(T data) {
        return new Versioned<>(UUID.randomUUID(), 1, false, null, null, "dr.patel", Instant.now(), data);
    }
}
