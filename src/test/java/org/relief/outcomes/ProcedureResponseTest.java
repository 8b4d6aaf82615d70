package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedureResponseTest {

    private final ProcedureResponse responses = new ProcedureResponse(OutcomesPolicy.defaults());
    private static final LocalDate R1 = LocalDate.of(2024, 1, 10);

    private static ProcedureResponse.Procedure rfa(LocalDate d) {
        return new ProcedureResponse.Procedure("RFA", d, "Lumbar", "L4-L5", "Left");
    }

    private static ProcedureResponse.FollowUp fu(LocalDate procedure, int days, double relief) {
        return new ProcedureResponse.FollowUp(procedure.plusDays(days), relief);
    }

    @Test
    void repeatsAtTheSameSiteShowTheirDurability() {
        // RFA 1: >= 50 % until day 274 (9 months), below by day 320. RFA 2 on day 330: >= 50 % until day 213
        // (7 months), below by day 250. Follow-ups of RFA 1 after RFA 2 belong to RFA 2.
        LocalDate r2 = R1.plusDays(330);
        List<ProcedureResponse.Followed> all = List.of(
                new ProcedureResponse.Followed(
                        rfa(R1),
                        List.of(fu(R1, 14, 80), fu(R1, 91, 75), fu(R1, 182, 60), fu(R1, 274, 55), fu(R1, 320, 20))),
                new ProcedureResponse.Followed(
                        rfa(r2), List.of(fu(r2, 14, 85), fu(r2, 120, 70), fu(r2, 213, 50), fu(r2, 250, 30))),
                new ProcedureResponse.Followed(
                        new ProcedureResponse.Procedure("RFA", R1.plusDays(5), "Lumbar", "L4-L5", "Right"),
                        List.of(fu(R1.plusDays(5), 30, 40))));
        List<ProcedureResponse.Site> sites = responses.bySite(all);
        assertThat(sites).hasSize(2);
        ProcedureResponse.Site left = sites.get(0);
        assertThat(left.site()).isEqualTo("RFA, Lumbar L4-L5, Left");
        assertThat(left.text()).isEqualTo("RFA, Lumbar L4-L5, Left: RFA 1: 9 months, RFA 2: 7 months");
        ProcedureResponse.Response first = left.responses().get(0);
        assertThat(first.lastedAtLeastDays()).isEqualTo(274);
        assertThat(first.endedByDays()).isEqualTo(320L);
        assertThat(first.points()).hasSize(5);
        assertThat(first.text()).contains("9 months").contains("until day 274").contains("below it by day 320");
        assertThat(left.responses().get(1).lastedAtLeastDays()).isEqualTo(213); // exactly 50 % still counts
        ProcedureResponse.Site right = sites.get(1);
        assertThat(right.text()).isEqualTo("RFA, Lumbar L4-L5, Right: RFA 1: under 50 % relief");
    }

    @Test
    void ongoingReliefAndNoFollowUp() {
        ProcedureResponse.Response ongoing =
                responses.response(new ProcedureResponse.Followed(rfa(R1), List.of(fu(R1, 14, 90), fu(R1, 91, 70))));
        assertThat(ongoing.ongoing()).isTrue();
        assertThat(ongoing.endedByDays()).isNull();
        assertThat(ongoing.text()).contains("3 months so far");
        ProcedureResponse.Response none = responses.response(new ProcedureResponse.Followed(rfa(R1), List.of()));
        assertThat(none.text()).contains("no follow-up yet");
    }

    @Test
    void simulatedEsiAndRfaFollowUps() {
        // Simulator plants (issue 12 test plants, not clinical claims): ESI -3 fading over 8 weeks on a baseline of
        // 5.5 is under 50 % by day 14 (41 %); RFA -3 (55 %) lasts to the 9-month follow-up and is gone by 12.
        Simulator.Patient p = Simulator.simulate(Simulator.esiThenRfa(LocalDate.of(2025, 1, 6)), 1);
        List<ProcedureResponse.Site> sites = responses.bySite(p.procedures());
        assertThat(sites)
                .extracting(ProcedureResponse.Site::text)
                .containsExactly(
                        "Epidural steroid injection, Lumbar L5-S1, Left: Epidural steroid injection 1: under 50 % relief",
                        "Radiofrequency ablation, Lumbar L4-L5, Left: Radiofrequency ablation 1: 9 months");
        assertThat(sites.get(1).responses().get(0).endedByDays()).isEqualTo(365L);
    }
}
