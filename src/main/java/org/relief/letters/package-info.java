/**
 * Letters and reports as accessible PDFs (issue 15): the consult letter back to the referring clinician (drafted from
 * signed records, edited and signed by the physician, kept as a versioned record with its PDF), the procedure report,
 * the patient's plan in plain language, the discharge summary and the clinic's outcome report. Rendered from
 * Thymeleaf templates to tagged PDF/UA, PDF/A-2a with embedded fonts ({@link org.relief.letters.PdfDocuments}); the
 * same input gives the same bytes. Every patient's document is read through the chart guard
 * ({@code careteam.ChartAccess.open}, audited).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Letters",
        allowedDependencies = {
            "assessment",
            "audit",
            "careteam",
            "evaluation",
            "outcomes",
            "patient",
            "plan",
            "procedure",
            "procedure :: rules",
            "record",
            "screening",
            "shared"
        })
package org.relief.letters;
