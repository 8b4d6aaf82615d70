/**
 * FHIR R4 at the edge: the {@code /fhir} endpoint (metadata, Patient read and search, {@code $everything}, reads
 * and searches by patient of what the clinic records, transaction Bundles, Bulk Data {@code $export}), Bulk Data
 * ndjson import, API tokens for integrations, and one translator per resource type. The only module that imports
 * HAPI FHIR ({@code ca.uhn}, {@code org.hl7.fhir}); it reaches the chart, instruments, evaluation, plan and
 * procedures through those modules' services, with the same access checks and audit as any other caller.
 */
package org.relief.fhir;
