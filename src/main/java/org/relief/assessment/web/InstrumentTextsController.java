package org.relief.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.Instruments;
import org.relief.careteam.Actor;
import org.relief.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin loads the clinic's licensed wording for instruments whose text Relief does not ship. */
@Controller
class InstrumentTextsController {

    private final Assessments assessments;

    InstrumentTextsController(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/admin/instruments")
    String list(Model model) {
        model.addAttribute("instruments", Instruments.ALL);
        return "assessment/admin-texts";
    }

    @GetMapping("/admin/instruments/{code}")
    String edit(@PathVariable String code, Model model) {
        Instrument instrument =
                Instruments.byCode(code).orElseThrow(() -> new NotFoundException("No instrument '" + code + "'"));
        model.addAttribute("instruments", Instruments.ALL);
        model.addAttribute("instrument", instrument);
        model.addAttribute("texts", assessments.loadedTexts(instrument.code()));
        return "assessment/admin-texts";
    }

    @PostMapping("/admin/instruments/{code}")
    String load(
            @PathVariable String code,
            @RequestParam Map<String, String> params,
            Actor actor,
            RedirectAttributes flash) {
        Map<String, String> texts = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("text.")) {
                texts.put(k.substring(5), v);
            }
        });
        int loaded = assessments.loadTexts(actor, code, texts);
        flash.addFlashAttribute("notice", loaded + " item text(s) loaded.");
        return "redirect:/admin/instruments/" + code;
    }
}
