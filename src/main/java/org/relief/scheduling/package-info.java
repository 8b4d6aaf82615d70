/**
 * Scheduling (issue 14): the clinic's rooms and their equipment, appointment types (duration, discipline, room needs,
 * what comes before and after), staff working hours and absences ({@link org.relief.scheduling.Resources}); booking,
 * moving, cancelling and no-shows of appointments, single or as a bounded series, each a versioned record behind the
 * guard, with double booking refused by PostgreSQL itself ({@link org.relief.scheduling.Appointments}); the week and
 * day calendars; and the optimiser ({@link org.relief.scheduling.ScheduleOptimiser}, Timefold Solver) that proposes
 * four weeks of appointments from a signed plan, taking every procedure's allowed days from the procedure rule
 * engine. The solver's model and constraints are internal ({@code scheduling.solver}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {
            "audit",
            "careteam",
            "patient",
            "plan",
            "procedure",
            "procedure :: rules",
            "record",
            "shared"
        })
package org.relief.scheduling;
