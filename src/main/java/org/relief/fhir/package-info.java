/**
 * FHIR R4 at the edge: the {@code /fhir} endpoint (metadata, Patient read and search, {@code $everything}), Bulk
 * Data ndjson import, API tokens for integrations, and one translator per resource type converting both ways. The
 * only module that imports HAPI FHIR ({@code ca.uhn}, {@code org.hl7.fhir}); it reaches the chart through the
 * patient module's services, with the same access checks and audit as any other caller.
 */
package org.relief.fhir;
