package org.relief.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.relief.careteam.Actor;
import org.relief.patient.Chart;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The chart as FHIR: a Patient alone, or {@code $everything}. Reads go through the chart service, so the caller's
 * access is checked (care team or break-glass) and the read is audited like any other.
 */
@Service
public class FhirExport {

    private final ChartService charts;
    private final Patients patients;
    private final String mrnSystem;

    FhirExport(ChartService charts, Patients patients,
            @Value("${relief.fhir.mrn-system:urn:relief:mrn}") String mrnSystem) {
        this.charts = charts;
        this.patients = patients;
        this.mrnSystem = mrnSystem;
    }

    public String mrnSystem() {
        return mrnSystem;
    }

    /** One Patient (its current demographics); 404 when unknown, 403 when outside the caller's access. */
    public Patient patient(Actor actor, UUID patientId) {
        var summary = patients.summary(patientId);
        var demographics = charts.entries(actor, patientId, EntryKind.DEMOGRAPHICS).get(0);
        return PatientTranslator.toFhir(summary, demographics.data(), mrnSystem);
    }

    /** Every resource of the chart: what Relief holds today (see the report in docs/architecture.md). */
    public List<Resource> everything(Actor actor, UUID patientId) {
        Chart chart = charts.chart(actor, patientId);
        UUID id = chart.patient().id();
        List<Resource> out = new ArrayList<>();
        out.add(PatientTranslator.toFhir(chart.patient(), chart.demographics().data(), mrnSystem));
        chart.referrals().forEach(v -> out.add(ReferralTranslator.toFhir(v, id)));
        chart.problems().forEach(v -> out.add(ConditionTranslator.toFhir(v, id)));
        chart.medications().forEach(v -> out.add(MedicationTranslator.toFhir(v, id)));
        chart.allergies().forEach(v -> out.add(AllergyTranslator.toFhir(v, id)));
        chart.imaging().forEach(v -> out.add(ImagingTranslator.toFhir(v, id)));
        chart.treatments().forEach(v -> out.add(ProcedureTranslator.toFhir(v, id)));
        chart.encounters().forEach(v -> out.add(EncounterTranslator.toFhir(v, id)));
        if (!chart.careTeam().isEmpty()) {
            out.add(CareTeamTranslator.toFhir(id, chart.careTeam()));
            chart.careTeam().forEach(m -> out.add(CareTeamTranslator.practitioner(m)));
        }
        return out;
    }

    /** A searchset bundle of the given resources, with full URLs under {@code base}. */
    public static Bundle searchset(String base, List<? extends Resource> resources, int total) {
        Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        b.setTotal(total);
        for (Resource r : resources) {
            b.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdPart()).setResource(r)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return b;
    }
}
