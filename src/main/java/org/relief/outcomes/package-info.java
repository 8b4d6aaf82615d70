/**
 * Outcomes: which therapies (and which combinations) helped this patient, and what patients like them can expect,
 * said honestly. This first part is the plain-Java analysis heart, with no storage and no Spring beans:
 * <ul>
 *   <li>{@link org.relief.outcomes.OutcomeSeries} and {@link org.relief.outcomes.Exposure}: dated readings of one
 *       measure ({@link org.relief.outcomes.Measure}: NRS, PEG, ODI, PHQ-9) and the therapies given (start, optional
 *       stop);</li>
 *   <li>{@link org.relief.outcomes.SegmentedRegression}: per-patient interrupted time series (level and slope change
 *       at each therapy start and stop, with 95 % intervals; OLS below 12 readings, otherwise generalised least
 *       squares with an AR(1) error estimated from the residuals), separability of near-simultaneous starts, and
 *       "possible synergy" only when the data meet the policy minimums (CLINICAL_RULES §12, Turner et al. 2021);</li>
 *   <li>{@link org.relief.outcomes.ProcedureResponse}: relief at each follow-up, how long it lasted, and the
 *       durability of repeats per region, level and side;</li>
 *   <li>{@link org.relief.outcomes.ResponderRates}: the share of patients reaching 30 % and 50 % improvement
 *       (CLINICAL_RULES §11) with Wilson score intervals, and "too few similar patients" below a minimum;</li>
 *   <li>{@link org.relief.outcomes.Simulator}: seeded synthetic series with planted effects, for tests and the demo
 *       clinic.</li>
 * </ul>
 * Every figure and threshold is a named {@link org.relief.outcomes.OutcomesPolicy} value carrying its source.
 * Regression, linear algebra and distributions come from Hipparchus; no matrix code is written here.
 * {@link org.relief.outcomes.OutcomesService} wires it to a patient: instrument totals from the assessment module and
 * therapies from the signed plan versions, read through their services (read-only), audited through the chart guard;
 * the page is {@code /patients/{id}/outcomes} and the JSON {@code /api/patients/{id}/outcomes}. It also reads the
 * procedures performed and their follow-ups (markers, response to each procedure) and the plan's goals (target lines).
 * {@link org.relief.outcomes.Cohort} (plain Java) and {@link org.relief.outcomes.CohortService} give realistic
 * expectations for a plan (the plan page's fragment; plain words for the portal) and the clinic's cohort view
 * ({@code /outcomes/cohort}, CSV), over the owning modules' cohort readers.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outcomes",
        allowedDependencies = {
            "assessment",
            "audit",
            "careteam",
            "patient",
            "plan",
            "procedure",
            "procedure :: rules",
            "record",
            "shared"
        })
package org.relief.outcomes;
