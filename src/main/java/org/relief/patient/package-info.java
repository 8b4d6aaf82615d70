/**
 * Patient: the chart from referral on (demographics, referral, imaging, problems, prior treatments, medications,
 * allergies, encounters). Every clinical entry is versioned and never overwritten or deleted.
 */
package org.relief.patient;
