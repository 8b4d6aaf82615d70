/**
 * The patient portal (issue 13): the patient's side of Relief, on the same records, rules and audit as the staff
 * side. Patient accounts and invitations from the chart ({@link org.relief.portal.PortalAccounts}), its own sign-in
 * chain ({@code portal.web}), the daily diary ({@link org.relief.portal.Diary}: a record kind of its own, its pain and
 * PEG answers recorded as NRS and PEG responses through {@code assessment}, where the outcomes trajectory reads them),
 * questionnaires the clinic assigns ({@link org.relief.portal.Questionnaires}: answered through
 * {@code assessment.Assessments}, so the same scoring and the same safety protocol run in the same transaction), and
 * the patient's plan and progress read through {@code plan} and {@code outcomes}, their appointments with what to
 * do before each through {@code scheduling}, and what to do before an ordered procedure read through
 * {@code procedure.BeforeProcedure} (the order's stored decision, never a new calculation). Every read and write goes through
 * {@code careteam.ChartAccess.open} with the patient's own id (grant {@code SELF}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assessment",
            "audit",
            "careteam",
            "medication",
            "outcomes",
            "patient",
            "plan",
            "procedure",
            "procedure :: rules",
            "record",
            "scheduling",
            "screening",
            "shared"
        })
package org.relief.portal;
