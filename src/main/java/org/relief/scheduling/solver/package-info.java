/**
 * The optimiser's model for Timefold Solver: a {@link org.relief.scheduling.solver.Visit} (one appointment a signed plan
 * asks for) is given a {@link org.relief.scheduling.solver.Slot} (day, time, clinician, room) or left unassigned;
 * {@link org.relief.scheduling.solver.ScheduleConstraints} holds one named method per rule, hard (never broken in a
 * proposal), medium (a visit left out) and soft (preferences). Plain Java, no Spring.
 */
package org.relief.scheduling.solver;
