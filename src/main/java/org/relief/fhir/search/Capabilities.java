package org.relief.fhir.search;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.relief.fhir.FhirExport;

/** The CapabilityStatement: exactly what {@code /fhir} answers today, nothing it does not. */
final class Capabilities {

    private Capabilities() {}

    static CapabilityStatement statement(String base) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setId("relief");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setPublisher("Relief");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Relief");
        cs.getImplementation()
                .setDescription("Relief interventional pain management clinic")
                .setUrl(base);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setDescription(
                        "Authorization: Bearer <API token issued by the clinic admin>; "
                                + "scopes read and write. A token acts with the access of one staff member (their care teams).");
        rest.addInteraction()
                .setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("A referral packet (Patient, Condition, MedicationRequest, Procedure, ...), "
                        + "imported like a bulk import; nothing is written unless everything can be; write scope");
        rest.addOperation()
                .setName("export")
                .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        CapabilityStatementRestResourceComponent patient = rest.addResource().setType("Patient");
        patient.addInteraction().setCode(TypeRestfulInteraction.READ);
        patient.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        patient.addSearchParam().setName("name").setType(Enumerations.SearchParamType.STRING);
        patient.addSearchParam().setName("birthdate").setType(Enumerations.SearchParamType.DATE);
        patient.addSearchParam()
                .setName("identifier")
                .setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("value (any system: Relief's record number or one a sender gave), system|value, "
                        + "or |value (sent without a system)");
        patient.addOperation()
                .setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        for (String type : FhirExport.PATIENT_TYPES) {
            CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
            r.addInteraction().setCode(TypeRestfulInteraction.READ);
            if (ResourceSearch.TYPES.contains(type)) {
                r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
                r.addSearchParam()
                        .setName("patient")
                        .setType(Enumerations.SearchParamType.REFERENCE)
                        .setDocumentation("required: one patient's chart at a time");
                if (type.equals("Appointment")) {
                    r.addSearchParam()
                            .setName("date")
                            .setType(Enumerations.SearchParamType.DATE)
                            .setDocumentation("the appointment's day; prefixes eq, ge, gt, le, lt; year, month or day");
                }
                if (type.equals("Observation")) {
                    r.addSearchParam().setName("code").setType(Enumerations.SearchParamType.TOKEN);
                    r.addSearchParam()
                            .setName("date")
                            .setType(Enumerations.SearchParamType.DATE)
                            .setDocumentation("prefixes eq, ge, gt, le, lt; precision year, month or day");
                }
            }
        }
        for (String type : new java.util.TreeSet<>(FhirExport.DIRECTORY_TYPES)) {
            rest.addResource()
                    .setType(type)
                    .setDocumentation("A sender's directory: kept as sent in a transaction "
                            + "(alone or with a patient), so later Bundles may reference it")
                    .addInteraction()
                    .setCode(TypeRestfulInteraction.READ);
        }
        rest.addResource()
                .setType("Group")
                .setDocumentation("A Group is one staff member's patients (their care "
                        + "teams), its id the staff member's id; only $export is offered")
                .addOperation()
                .setName("export")
                .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export");
        return cs;
    }
}
