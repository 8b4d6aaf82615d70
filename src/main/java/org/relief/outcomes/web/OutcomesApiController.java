package org.relief.outcomes.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.outcomes.Measures;
import org.relief.outcomes.OutcomesService;
import org.relief.outcomes.OutcomesService.PatientOutcomes;
import org.relief.shared.JsonApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The per-patient outcomes analysis as JSON: the same figures, intervals, verdicts and method text as the page. */
@RestController
@JsonApi
@Tag(name = "Outcomes")
class OutcomesApiController {

    private final OutcomesService outcomes;

    OutcomesApiController(OutcomesService outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/api/patients/{id}/outcomes")
    @Operation(
            summary = "Which therapies helped: segmented regression of one measure (NRS, PEG, ODI, PHQ-9) around "
                    + "each therapy start and stop, with intervals, verdicts, notes and possible synergy")
    PatientOutcomes outcomes(@PathVariable UUID id, @RequestParam(defaultValue = "NRS") String measure, Actor actor) {
        return outcomes.analyse(actor, id, Measures.parse(measure));
    }
}
