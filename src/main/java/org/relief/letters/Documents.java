package org.relief.letters;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a letter or report: its Thymeleaf template ({@code templates/letters/pdf/<name>.html}, XHTML) with the
 * clinic's identity, to HTML for the preview and to PDF ({@link PdfDocuments}).
 */
@Component
public class Documents {

    private final ITemplateEngine templates;
    private final ClinicIdentity clinic;

    Documents(ITemplateEngine templates, ClinicIdentity clinic) {
        this.templates = templates;
        this.clinic = clinic;
    }

    /** The document as XHTML. */
    public String html(String template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.ENGLISH);
        context.setVariables(model);
        context.setVariable("clinic", clinic);
        return templates.process("letters/pdf/" + template, context);
    }

    /** The document as PDF, dated by its record. */
    public byte[] pdf(String template, Map<String, Object> model, LocalDate dated) {
        return PdfDocuments.render(html(template, model), dated);
    }

    public ClinicIdentity clinic() {
        return clinic;
    }
}
