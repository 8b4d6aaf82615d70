/**
 * One translator per FHIR resource type, between the R4 resource and what Relief keeps: {@code toFhir} for what the
 * chart exports, {@code toRelief} (or {@code fromX}) for what an import brings in, as a {@link
 * org.relief.fhir.translate.Translation} (a chart entry, or a reason to skip it). Plain static functions with no
 * Spring and no database: each has its own unit test. {@link org.relief.fhir.translate.Terminology} holds the code
 * systems and the small conversions they share.
 */
package org.relief.fhir.translate;
