package org.relief.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Role;

/** A procedure's bundle: physical therapy within the setting's days after it, the follow-up on the setting's day. */
class BundlesTest {

    static AppointmentType type(String code, Role discipline, List<String> bundle) {
        return new AppointmentType(
                code, code + " label", discipline, 30, Set.of(), Set.of(), 0, false, false, Set.of(), null, bundle);
    }

    final Map<String, AppointmentType> catalogue = Map.of(
            "PT_SESSION", type("PT_SESSION", Role.PHYSICAL_THERAPIST, List.of()),
            "FOLLOW_UP", type("FOLLOW_UP", Role.PHYSICIAN, List.of()));

    @Test
    void physicalTherapyWithinTheWindowAfterAndTheFollowUpOnItsDay() {
        LocalDate day = LocalDate.of(2027, 3, 2);
        var steps = Bundles.steps(
                type("ESI", Role.PHYSICIAN, List.of("PT_SESSION", "FOLLOW_UP")),
                day,
                c -> Optional.ofNullable(catalogue.get(c)),
                5,
                14);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).type().code()).isEqualTo("PT_SESSION");
        assertThat(steps.get(0).from()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(steps.get(0).to()).isEqualTo(LocalDate.of(2027, 3, 7));
        assertThat(steps.get(0).onOneDay()).isFalse();
        assertThat(steps.get(1).type().code()).isEqualTo("FOLLOW_UP");
        assertThat(steps.get(1).from()).isEqualTo(LocalDate.of(2027, 3, 16));
        assertThat(steps.get(1).onOneDay()).isTrue();
    }

    @Test
    void aTypeWithoutABundleOffersNothingAndAnUnknownCodeIsLeftOut() {
        LocalDate day = LocalDate.of(2027, 3, 2);
        assertThat(Bundles.steps(
                        type("PT_SESSION", Role.PHYSICAL_THERAPIST, List.of()),
                        day,
                        c -> Optional.ofNullable(catalogue.get(c)),
                        7,
                        14))
                .isEmpty();
        assertThat(Bundles.steps(
                                type("RFA", Role.PHYSICIAN, List.of("GONE", "FOLLOW_UP")),
                                day,
                                c -> Optional.ofNullable(catalogue.get(c)),
                                7,
                                14)
                        .stream()
                        .map(s -> s.type().code()))
                .containsExactly("FOLLOW_UP");
    }
}
