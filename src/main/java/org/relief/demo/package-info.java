/**
 * Demo clinic: on the first start, a deterministic synthetic clinic (staff of every role, patients at every step of
 * the way, optionally 20,000 of them for benchmarks) and the printed sign-ins. Nothing here is a real person.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assessment",
            "careteam",
            "evaluation",
            "outcomes",
            "patient",
            "plan",
            "portal",
            "procedure",
            "procedure :: rules",
            "record",
            "scheduling"
        })
package org.relief.demo;
