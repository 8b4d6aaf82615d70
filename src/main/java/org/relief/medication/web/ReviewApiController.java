package org.relief.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.relief.careteam.Actor;
import org.relief.medication.MedicationReview;
import org.relief.medication.MedicationReviews;
import org.relief.shared.JsonApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Periodic medication reviews as a resource of their own. */
@RestController
@JsonApi
@RequestMapping("/api/patients/{id}")
@Tag(name = "Medications and opioid safety")
class ReviewApiController {

    private final MedicationReviews reviews;

    ReviewApiController(MedicationReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/medication-reviews")
    @Operation(summary = "The periodic reviews on file, newest first")
    List<MedicationReviews.Done> list(@PathVariable UUID id, Actor actor) {
        return reviews.list(actor, id);
    }

    @GetMapping("/medication-reviews/worklist")
    @Operation(
            summary =
                    "Each medication taken with its benefit judged from the patient's own scores, its last review, and "
                            + "the deprescribing prompt")
    MedicationReviews.Page worklist(@PathVariable UUID id, Actor actor) {
        return reviews.page(actor, id);
    }

    @PostMapping("/medication-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Record a review (prescribers only): continue, change the dose, taper (with a dated plan), stop or "
                            + "start, with a reason",
            description =
                    "A problem is a 400 naming the field; a stop of a medication changed since it was read is a 409.")
    MedicationReviews.Done record(@PathVariable UUID id, @RequestBody MedicationReview.Form form, Actor actor) {
        return reviews.record(actor, id, form);
    }
}
