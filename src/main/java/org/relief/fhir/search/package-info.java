/**
 * FHIR searches: Patient search among the caller's patients, searches of one patient's resources by type (with
 * {@code code} and {@code date} for Observations), and the CapabilityStatement that says exactly what is served.
 */
package org.relief.fhir.search;
