package org.relief.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.relief.evaluation.Findings.Clearance;

/**
 * What the procedure rules read from an evaluation, as data.
 *
 * @param psychClearance the latest psychological evaluation's conclusion, null if none
 * @param psychEvaluatedOn its date
 * @param positiveSacroiliacTests the most positive SI provocation tests in any exam of the episode (0-6)
 * @param blocks diagnostic blocks with their relief
 * @param triggerPointsFound the most trigger-point findings in any exam of the episode, null without an exam
 * @param examined whether any physical exam is on file
 * @param signed whether the physician signed the episode
 */
public record EvaluationFacts(
        UUID episodeId,
        Clearance psychClearance,
        LocalDate psychEvaluatedOn,
        int positiveSacroiliacTests,
        List<Block> blocks,
        Integer triggerPointsFound,
        boolean examined,
        boolean signed) {

    /** One diagnostic block: what was blocked, when, % relief of the index pain and for how many hours. */
    public record Block(String target, LocalDate on, int reliefPercent, Integer reliefHours) {}
}
