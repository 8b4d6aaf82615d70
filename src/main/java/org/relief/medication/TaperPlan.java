package org.relief.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;

/**
 * A taper as dated steps, from a starting daily dose down to a target at the {@link TaperPolicy}'s rate, and the
 * review dates it sets: a review before each further reduction and one an interval after the last step. Doses are
 * rounded to 2 decimals and not to the strengths that exist; the prescriber picks the nearest practical dose (and may
 * slow or pause the taper: the plan is a proposal).
 *
 * @param unit the dose's unit ("mg/day", "MME/day")
 * @param steps step 1 starts on the plan's first day with the first reduction; the last step is the target
 * @param reviewDates when to review: the day of each step after the first, and one interval after the last
 * @param policy the rate used, in words
 * @param source the rate's source
 */
public record TaperPlan(String unit, List<Step> steps, List<LocalDate> reviewDates, String policy, String source) {

    /** Largest number of steps a plan may have (a guard against a rate too small to end). */
    static final int MAX_STEPS = 600;

    /** From {@code from} on, take {@code dose} (a reduction of {@code reduction} from the step before). */
    public record Step(int number, LocalDate from, BigDecimal dose, BigDecimal reduction) {}

    /**
     * The plan, or {@link InvalidInputException} naming "startDose", "targetDose" or "firstDay".
     *
     * @param startDose the daily dose now
     * @param unit its unit
     * @param firstDay the day of the first reduction
     * @param targetDose where the taper ends (0 = stop)
     * @param policy the rate
     */
    public static TaperPlan of(
            BigDecimal startDose, String unit, LocalDate firstDay, BigDecimal targetDose, TaperPolicy policy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (startDose == null || startDose.signum() <= 0) {
            problems.add(new FieldProblem("startDose", "must be more than 0"));
        }
        if (targetDose == null || targetDose.signum() < 0) {
            problems.add(new FieldProblem("targetDose", "must be 0 or more"));
        } else if (startDose != null && targetDose.compareTo(startDose) >= 0) {
            problems.add(new FieldProblem("targetDose", "must be less than the starting dose"));
        } else if (policy.base() == TaperPolicy.Base.CURRENT_DOSE && targetDose.signum() == 0) {
            problems.add(new FieldProblem(
                    "targetDose",
                    "a reduction by a share of the current dose never reaches 0: "
                            + "give a target above 0 (then stop with the prescriber's plan)"));
        }
        if (firstDay == null) {
            problems.add(new FieldProblem("firstDay", "give the day of the first reduction"));
        }
        if (policy.fraction().signum() <= 0 || policy.fraction().compareTo(BigDecimal.ONE) > 0) {
            problems.add(new FieldProblem("ratePercent", "must be more than 0 and at most 100"));
        }
        if (policy.intervalMonths().value().signum() <= 0) {
            problems.add(new FieldProblem("intervalMonths", "must be at least 1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int months = policy.intervalMonths().integer();
        BigDecimal fixedStep = startDose.multiply(policy.fraction());
        List<Step> steps = new ArrayList<>();
        BigDecimal dose = startDose;
        while (dose.compareTo(targetDose) > 0) {
            if (steps.size() == MAX_STEPS) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        "ratePercent", "is too small: the taper would take more than " + MAX_STEPS + " steps")));
            }
            BigDecimal reduction =
                    policy.base() == TaperPolicy.Base.STARTING_DOSE ? fixedStep : dose.multiply(policy.fraction());
            BigDecimal next = dose.subtract(reduction).setScale(2, RoundingMode.HALF_UP);
            if (next.compareTo(targetDose) < 0 || next.compareTo(dose) == 0) {
                next = targetDose;
            }
            steps.add(new Step(
                    steps.size() + 1,
                    firstDay.plusMonths((long) steps.size() * months),
                    next.stripTrailingZeros(),
                    dose.subtract(next).stripTrailingZeros()));
            dose = next;
        }
        List<LocalDate> reviews = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            reviews.add(steps.get(i).from());
        }
        reviews.add(steps.get(steps.size() - 1).from().plusMonths(months));
        return new TaperPlan(
                unit,
                List.copyOf(steps),
                List.copyOf(reviews),
                policy.shown(),
                policy.ratePercent().source());
    }
}
