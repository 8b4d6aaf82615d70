/**
 * Medication management (issue 11): structured medications (ingredients, strength, dose form, route, the sig as
 * data), the sig picker (text to data and back to words), opioid safety (daily MME by a versioned conversion table,
 * flags with their sources that ask for an acknowledgement and never block), taper plans and the benefit judgement of
 * the periodic review. Plain Java: the numbers are policy data with their sources (shared/CLINICAL_RULES.md §10,
 * §11 and the sources issue 11 cites); storage, screens, API and FHIR are wired onto it elsewhere.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Medication",
        allowedDependencies = {"assessment", "audit", "careteam", "patient", "record", "shared"})
package org.relief.medication;
