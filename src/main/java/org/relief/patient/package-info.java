/**
 * Patient: the chart from referral on (demographics, referral, imaging, problems, prior treatments, medications,
 * allergies, encounters). Every clinical entry is versioned and never overwritten or deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "careteam", "record", "shared"})
package org.relief.patient;
