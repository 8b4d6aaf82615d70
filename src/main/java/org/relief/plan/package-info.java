/**
 * Plan: the therapy catalogue and the team treatment plan (goals in numbers and in the patient's words, several
 * concurrent therapies each owned by a team member), proposed by the team and signed by the physician, versioned.
 */
package org.relief.plan;
