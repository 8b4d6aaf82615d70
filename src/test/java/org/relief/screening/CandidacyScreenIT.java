package org.relief.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Actor;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.Codes;
import org.relief.patient.EntryKind;
import org.relief.patient.ImagingStudy;
import org.relief.patient.PriorTreatment;
import org.relief.patient.Problem;
import org.relief.screening.CandidacyRules.Outcome;
import org.relief.shared.ForbiddenException;
import org.relief.shared.InvalidInputException;
import org.relief.support.ClinicFixture;
import org.relief.support.Fixtures;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The screen reads the real chart; the physician's call is recorded, with a reason when it differs. */
@IntegrationTest
class CandidacyScreenIT {

    @Autowired
    CandidacyScreen screen;

    @Autowired
    ChartService charts;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClinicFixture fixture;

    Actor physician;
    UUID patientId;

    @BeforeEach
    void setUp() {
        physician = fixture.actor("dr.patel");
        patientId = fixture.patient().create();
    }

    @Test
    void aFreshReferralIsNotYetAndSaysWhatIsMissing() {
        var d = screen.screen(physician, patientId);
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(d.reasons())
                .anyMatch(r -> r.text().contains("No onset date"))
                .anyMatch(r -> r.text().contains("No x-ray or MRI"));
    }

    @Test
    void chronicPainWithFailedCareAndImagingIsACandidateAndThePhysicianMayDisagreeWithAReason() {
        charts.add(
                physician,
                patientId,
                EntryKind.PROBLEM,
                new Problem(
                        "M54.16",
                        "Radiculopathy, lumbar region",
                        LocalDate.now().minusMonths(8),
                        Codes.ClinicalStatus.ACTIVE));
        charts.add(
                physician,
                patientId,
                EntryKind.TREATMENT,
                new PriorTreatment(
                        "Physical therapy",
                        LocalDate.now().minusMonths(6),
                        LocalDate.now().minusMonths(4),
                        "2x a week",
                        Codes.TreatmentResult.NONE,
                        null,
                        "no relief"));
        charts.add(
                physician,
                patientId,
                EntryKind.IMAGING,
                new ImagingStudy(
                        Codes.Modality.MRI, "Lumbar spine", LocalDate.now().minusMonths(1), "L4-L5 disc protrusion"));

        assertThat(screen.screen(physician, patientId).outcome()).isEqualTo(Outcome.CANDIDATE);

        assertThatThrownBy(() -> screen.recordCall(physician, patientId, Outcome.NOT_YET, ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() ->
                        screen.recordCall(Fixtures.actor(staff, "desk.miller"), patientId, Outcome.CANDIDATE, null))
                .isInstanceOf(ForbiddenException.class);
        screen.recordCall(physician, patientId, Outcome.NOT_YET, "Wants to finish a home exercise trial first");
        screen.recordCall(physician, patientId, Outcome.CANDIDATE, null);

        assertThat(screen.calls(patientId))
                .extracting(CandidacyScreen.Call::finalCall)
                .containsExactly(Outcome.CANDIDATE, Outcome.NOT_YET);
        assertThat(screen.calls(patientId).get(1).agrees()).isFalse();
    }
}
