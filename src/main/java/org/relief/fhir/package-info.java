/**
 * FHIR R4 at the edge: the {@code /fhir} endpoint (metadata, Patient read and search, {@code $everything}, reads
 * and searches by patient of what the clinic records, transaction Bundles, Bulk Data {@code $export}), Bulk Data
 * ndjson import, API tokens for integrations, and one translator per resource type. The only module that imports
 * HAPI FHIR ({@code ca.uhn}, {@code org.hl7.fhir}); it reaches the chart, instruments, evaluation, plan and
 * procedures through those modules' services, with the same access checks and audit as any other caller.
 *
 * <p>Its rooms, all internal to the module: {@code translate} (one translator per resource type), {@code bulk}
 * (ndjson import and export, transaction Bundles), {@code search}, {@code token} (API tokens and the {@code /fhir}
 * security chain) and {@code web} (the controllers). This package itself holds what they share: {@link
 * org.relief.fhir.FhirExport} (the chart read as FHIR), {@link org.relief.fhir.FhirValidation}, {@link
 * org.relief.fhir.Outcomes} and the HAPI configuration.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assessment",
            "audit",
            "careteam",
            "evaluation",
            "letters",
            "medication",
            "patient",
            "plan",
            "portal",
            "procedure",
            "procedure :: rules",
            "record",
            "scheduling",
            "shared"
        })
package org.relief.fhir;
