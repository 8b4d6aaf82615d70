/**
 * Screening: the safety protocol that cannot be skipped (suicidal ideation or psychosis raises an urgent alert,
 * shows crisis resources and holds interventional care until a clinician follows up and the physician releases the
 * hold) and the candidacy screen for the interventional programme.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"assessment", "audit", "careteam", "patient", "record", "shared"})
package org.relief.screening;
