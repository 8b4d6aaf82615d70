package org.relief.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relief.assessment.Assessments;
import org.relief.assessment.Instrument;
import org.relief.assessment.InstrumentResponse;
import org.relief.assessment.Instruments;
import org.relief.careteam.Actor;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Instruments and responses as JSON. */
@RestController
@JsonApi
@Tag(name = "Instruments")
class AssessmentApiController {

    private final Assessments assessments;

    AssessmentApiController(Assessments assessments) {
        this.assessments = assessments;
    }

    /** An instrument without its scoring function, for clients. */
    record InstrumentView(
            String code,
            String name,
            String purpose,
            List<Instrument.Item> items,
            String scoreLabel,
            double scoreMin,
            double scoreMax,
            List<Instrument.Band> bands,
            Instrument.MeaningfulChange meaningfulChange,
            Instrument.Code loincTotal,
            boolean wordingShipped,
            String licence,
            String source) {}

    record ResponseRequest(LocalDate administeredOn, Map<String, Integer> answers) {}

    @GetMapping("/api/instruments")
    @Operation(summary = "The instrument library: items, options, bands, meaningful change, codes, sources")
    List<InstrumentView> instruments() {
        return Instruments.ALL.stream()
                .map(i -> new InstrumentView(
                        i.code(),
                        i.name(),
                        i.purpose(),
                        i.items(),
                        i.scoreLabel(),
                        i.scoreMin(),
                        i.scoreMax(),
                        i.bands(),
                        i.meaningfulChange(),
                        i.loincTotal(),
                        i.wordingShipped(),
                        i.licence(),
                        i.source()))
                .toList();
    }

    @GetMapping("/api/patients/{id}/instruments")
    @Operation(summary = "All current responses of a patient, per instrument, oldest first")
    Map<String, List<InstrumentResponse>> responses(@PathVariable UUID id, Actor actor) {
        return assessments.history(actor, id);
    }

    @PostMapping("/api/patients/{id}/instruments/{code}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a response; it is scored on the way in (a safety flag raises an alert)")
    InstrumentResponse record(
            @PathVariable UUID id, @PathVariable String code, @RequestBody ResponseRequest body, Actor actor) {
        return assessments.record(
                actor,
                id,
                code,
                body == null ? null : body.administeredOn(),
                body == null || body.answers() == null ? Map.of() : body.answers());
    }
}
