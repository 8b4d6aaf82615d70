/**
 * Procedure: ordering a procedure runs the rule engine (intervals, limits, prerequisites, blood thinners) and keeps
 * its decision with every reason, policy value and source; physicians may override a BLOCK with a written reason;
 * procedures performed are documented with pre/post pain and followed up for relief and how long it lasted, which
 * feeds the repeat rules. Policy values are data, editable by the clinic admin with history.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assessment",
            "audit",
            "careteam",
            "evaluation",
            "medication",
            "patient",
            "record",
            "screening",
            "shared"
        })
package org.relief.procedure;
