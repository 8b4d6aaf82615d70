/**
 * Plan: the therapy catalogue and the team treatment plan (goals in numbers and in the patient's words, several
 * concurrent therapies each owned by a team member), proposed by the team and signed by the physician, versioned.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "careteam", "evaluation", "patient", "record", "screening", "shared"})
package org.relief.plan;
