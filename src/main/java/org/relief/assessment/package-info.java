/**
 * Assessment: the instrument library (items, answer options, codes, bands, meaningful-change figures, licence notes
 * as data), exact scoring in plain Java, and patients' responses over time.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "careteam", "patient", "record", "shared"})
package org.relief.assessment;
