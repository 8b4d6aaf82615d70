/**
 * Evaluation: an episode over one or more sessions (history and pain description, structured physical exam,
 * diagnostic tests with block relief, the psychological evaluation) ending in working and confirmed ICD-10-CM
 * diagnoses signed by the physician. Findings later rules need are stored as data, not only as text.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "careteam", "patient", "record", "screening", "shared"})
package org.relief.evaluation;
