package org.relief.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.relief.assessment.Instrument.Band;
import org.relief.assessment.Instrument.Code;
import org.relief.assessment.Instrument.Item;
import org.relief.assessment.Instrument.MeaningfulChange;
import org.relief.assessment.Instrument.Option;

/**
 * The instrument library. Numbers (ranges, bands, meaningful changes, subscale items) are those of the project's
 * clinical rules reference, section 11, with the published source of each. Item wording ships only where its
 * copyright holder allows free reproduction (PHQ-9, GAD-7) or where the wording is Relief's own (NRS, PEG prompts
 * as published by Krebs et al.); for the others Relief ships short labels of its own and the clinic may load the
 * licensed text.
 */
public final class Instruments {
    // Why over 300 lines: the instrument library as data (every item, range and band of each published instrument).

    private static final String LOINC = "http://loinc.org";
    private static final String LOINC_NOTE =
            "from the project's rules reference (section 13); not yet checked " + "against the LOINC table";

    private static final List<Option> ZERO_TO_TEN = IntStream.rangeClosed(0, 10)
            .mapToObj(i -> new Option(i, String.valueOf(i)))
            .toList();
    private static final List<Option> PHQ_OPTIONS = List.of(
            new Option(0, "Not at all"),
            new Option(1, "Several days"),
            new Option(2, "More than half the days"),
            new Option(3, "Nearly every day"));
    private static final List<Option> YES_NO = List.of(new Option(0, "No"), new Option(1, "Yes"));
    private static final List<Option> ODI_OPTIONS = IntStream.rangeClosed(0, 5)
            .mapToObj(i -> new Option(i, "Statement " + i + " (" + i + " points)"))
            .toList();
    private static final List<Option> PCS_OPTIONS = List.of(
            new Option(0, "Not at all"),
            new Option(1, "To a slight degree"),
            new Option(2, "To a moderate degree"),
            new Option(3, "To a great degree"),
            new Option(4, "All the time"));

    public static final Instrument NRS = new Instrument(
            "NRS",
            "Numeric pain rating (NRS)",
            "Pain intensity now, 0-10",
            List.of(new Item(
                    "pain",
                    1,
                    "Pain now",
                    "On a scale of 0 to 10, where 0 is no pain and 10 is the worst pain you can imagine, how bad is "
                            + "your pain right now?",
                    ZERO_TO_TEN)),
            "Pain (0-10)",
            0,
            10,
            List.of(),
            new MeaningfulChange(
                    2,
                    30.0,
                    "Farrar 2001: a change of 2 points or 30% is clinically important; "
                            + "IMMPACT 2008: 10-20% minimal, 30% moderate, 50% substantial"),
            new Code(LOINC, "72514-3", LOINC_NOTE),
            true,
            "Relief's own wording.",
            "Farrar et al., Pain 2001",
            Scorers.SUM_ALL);

    public static final Instrument PEG = new Instrument(
            "PEG",
            "PEG (pain, enjoyment, general activity)",
            "Pain intensity and interference over the past week, 3 items",
            List.of(
                    new Item(
                            "p",
                            1,
                            "Average pain",
                            "What number best describes your pain on average in the past week? (0 = no pain, "
                                    + "10 = pain as bad as you can imagine)",
                            ZERO_TO_TEN),
                    new Item(
                            "e",
                            2,
                            "Enjoyment of life",
                            "What number best describes how, during the past week, pain has interfered with your "
                                    + "enjoyment of life? (0 = does not interfere, 10 = completely interferes)",
                            ZERO_TO_TEN),
                    new Item(
                            "g",
                            3,
                            "General activity",
                            "What number best describes how, during the past week, pain has interfered with your "
                                    + "general activity? (0 = does not interfere, 10 = completely interferes)",
                            ZERO_TO_TEN)),
            "Mean (0-10)",
            0,
            10,
            List.of(),
            new MeaningfulChange(
                    1.0, null, "Reed, J Pain 2023: meaningful change 1.0-1.75 points (the lower " + "figure is used)"),
            null,
            true,
            "Published by Krebs et al. (J Gen Intern Med 2009) for clinical use.",
            "Krebs et al., J Gen Intern Med 2009: score = mean of the 3 items",
            Scorers.MEAN_ALL);

    public static final Instrument ODI = new Instrument(
            "ODI",
            "Oswestry Disability Index",
            "Disability from low back pain, 10 sections",
            items(
                    List.of(
                            "Pain intensity",
                            "Personal care",
                            "Lifting",
                            "Walking",
                            "Sitting",
                            "Standing",
                            "Sleeping",
                            "Sex life",
                            "Social life",
                            "Travelling"),
                    "s",
                    ODI_OPTIONS),
            "Disability index (%)",
            0,
            100,
            List.of(
                    new Band(0, 20, "Minimal disability (0-20)"),
                    new Band(21, 40, "Moderate disability (21-40)"),
                    new Band(41, 60, "Severe disability (41-60)"),
                    new Band(61, 80, "Crippled (61-80)"),
                    new Band(81, 100, "Bed-bound (81-100)")),
            new MeaningfulChange(10, 30.0, "Ostelo 2008: 10 points or 30%"),
            null,
            false,
            "Copyrighted statements: Relief ships section names only; the clinic may load its licensed text.",
            "Fairbank & Pynsent, Spine 2000: index = sum / (5 x sections answered) x 100",
            Scorers.ODI);

    public static final Instrument PHQ9 = new Instrument(
            "PHQ9",
            "PHQ-9",
            "Depression, 9 items over the last 2 weeks",
            phq(List.of(
                    "Little interest or pleasure in doing things",
                    "Feeling down, depressed, or hopeless",
                    "Trouble falling or staying asleep, or sleeping too much",
                    "Feeling tired or having little energy",
                    "Poor appetite or overeating",
                    "Feeling bad about yourself - or that you are a failure or have let yourself or your family down",
                    "Trouble concentrating on things, such as reading the newspaper or watching television",
                    "Moving or speaking so slowly that other people could have noticed? Or the opposite - being so "
                            + "fidgety or restless that you have been moving around a lot more than usual",
                    "Thoughts that you would be better off dead or of hurting yourself in some way")),
            "Total (0-27)",
            0,
            27,
            List.of(
                    new Band(0, 4, "None-minimal (0-4)"),
                    new Band(5, 9, "Mild (5-9)"),
                    new Band(10, 14, "Moderate (10-14)"),
                    new Band(15, 19, "Moderately severe (15-19)"),
                    new Band(20, 27, "Severe (20-27)")),
            null,
            new Code(LOINC, "44261-6", LOINC_NOTE),
            true,
            "Developed by Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc.; "
                    + "no permission required to reproduce, translate, display or distribute.",
            "Kroenke et al., J Gen Intern Med 2001; item 9 > 0 -> same-visit safety follow-up",
            Scorers.PHQ9);

    public static final Instrument GAD7 = new Instrument(
            "GAD7",
            "GAD-7",
            "Anxiety, 7 items over the last 2 weeks",
            phq(List.of(
                    "Feeling nervous, anxious, or on edge",
                    "Not being able to stop or control worrying",
                    "Worrying too much about different things",
                    "Trouble relaxing",
                    "Being so restless that it is hard to sit still",
                    "Becoming easily annoyed or irritable",
                    "Feeling afraid, as if something awful might happen")),
            "Total (0-21)",
            0,
            21,
            List.of(
                    new Band(0, 4, "Minimal (0-4)"),
                    new Band(5, 9, "Mild (5-9)"),
                    new Band(10, 14, "Moderate (10-14)"),
                    new Band(15, 21, "Severe (15-21)")),
            null,
            new Code(LOINC, "70274-6", LOINC_NOTE),
            true,
            "Developed by Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc.; "
                    + "no permission required to reproduce, translate, display or distribute.",
            "Spitzer et al., Arch Intern Med 2006",
            Scorers.SUM_ALL);

    public static final Instrument PCS = new Instrument(
            "PCS",
            "Pain Catastrophizing Scale",
            "Catastrophic thinking about pain, 13 items, with rumination, magnification and helplessness",
            IntStream.rangeClosed(1, 13)
                    .mapToObj(i -> new Item("q" + i, i, "Item " + i + " (" + pcsSubscale(i) + ")", null, PCS_OPTIONS))
                    .toList(),
            "Total (0-52)",
            0,
            52,
            List.of(
                    new Band(0, 29, "Below the clinical threshold (0-29)"),
                    new Band(30, 52, "Clinically relevant catastrophizing (30 or more)")),
            null,
            null,
            false,
            "Copyrighted (Sullivan): Relief ships item numbers only; the clinic may load its licensed text.",
            "Sullivan et al., Psychol Assess 1995: total 0-52; rumination items 8-11, magnification 6, 7, 13, "
                    + "helplessness 1-5, 12; 30 or more is clinically relevant",
            Scorers.PCS);

    public static final Instrument BPI = new Instrument(
            "BPI",
            "Brief Pain Inventory (short form)",
            "Pain severity and its interference with daily life, 0-10 scales",
            bpiItems(),
            "Interference (mean, 0-10)",
            0,
            10,
            List.of(),
            new MeaningfulChange(1, null, "IMMPACT (Dworkin et al., J Pain 2008): interference -1 point"),
            null,
            false,
            "Copyrighted (Cleeland / MD Anderson): Relief ships short labels only; the clinic may load its licensed "
                    + "text.",
            "Cleeland, The Brief Pain Inventory User Guide: severity = worst, least, average, now; interference = "
                    + "mean of 7 items when at least 4 are answered",
            Scorers.BPI);

    public static final Instrument CSSRS = new Instrument(
            "CSSRS",
            "C-SSRS screener",
            "Suicide risk screen (past month; behaviour lifetime and past 3 months)",
            List.of(
                    new Item("q1", 1, "Wished to be dead or not to wake up (past month)", null, YES_NO),
                    new Item("q2", 2, "Thoughts of killing oneself (past month)", null, YES_NO),
                    new Item("q3", 3, "Thought about how (a method) - asked if item 2 is yes", null, YES_NO),
                    new Item(
                            "q4", 4, "Some intention of acting on the thoughts - asked if item 2 is yes", null, YES_NO),
                    new Item(
                            "q5",
                            5,
                            "Worked out details of a plan and intends to carry it out - asked if item 2 is " + "yes",
                            null,
                            YES_NO),
                    new Item("q6", 6, "Ever done, started or prepared to do anything to end one's life", null, YES_NO),
                    new Item(
                            "q6_recent",
                            7,
                            "Was that within the past 3 months? - asked if item 6 is yes",
                            null,
                            YES_NO)),
            "Risk level (0 none, 1 low, 2 moderate, 3 high)",
            0,
            3,
            List.of(),
            null,
            null,
            false,
            "Wording by The Columbia Lighthouse Project: Relief ships short labels of its own; the clinic may load "
                    + "the screener's text.",
            "C-SSRS screener; risk mapping low: Q1-2, moderate: Q3, high: Q4, Q5 or behaviour within 3 months "
                    + "(project rules reference section 11, marked UNVERIFIED there)",
            Scorers.CSSRS);

    public static final Instrument RMDQ = new Instrument(
            "RMDQ",
            "Roland-Morris Disability Questionnaire",
            "Disability from back pain, 24 yes/no statements about today",
            IntStream.rangeClosed(1, 24)
                    .mapToObj(i -> new Item("q" + i, i, "Statement " + i, null, YES_NO))
                    .toList(),
            "Score (0-24)",
            0,
            24,
            List.of(),
            new MeaningfulChange(5, null, "Ostelo 2008: 5 points"),
            null,
            false,
            "Copyrighted statements: Relief ships item numbers only; the clinic may load the licensed text.",
            "Roland & Morris, Spine 1983: score = number of statements that apply",
            Scorers.SUM_ALL);

    public static final List<Instrument> ALL = List.of(NRS, PEG, ODI, PHQ9, GAD7, PCS, BPI, CSSRS, RMDQ);

    private Instruments() {}

    public static Optional<Instrument> byCode(String code) {
        return ALL.stream().filter(i -> i.code().equalsIgnoreCase(code)).findFirst();
    }

    /** Scores answers with the instrument's published rule. Throws on an unknown item or an out-of-range value. */
    public static Score score(Instrument instrument, Map<String, Integer> answers) {
        return instrument.scorer().score(instrument, answers);
    }

    private static List<Item> items(List<String> labels, String prefix, List<Option> options) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            items.add(new Item(prefix + (i + 1), i + 1, labels.get(i), null, options));
        }
        return items;
    }

    private static List<Item> phq(List<String> texts) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            items.add(new Item("q" + (i + 1), i + 1, "Item " + (i + 1), texts.get(i), PHQ_OPTIONS));
        }
        return items;
    }

    private static String pcsSubscale(int item) {
        if (item >= 8 && item <= 11) {
            return "rumination";
        }
        if (item == 6 || item == 7 || item == 13) {
            return "magnification";
        }
        return "helplessness";
    }

    private static List<Item> bpiItems() {
        List<Item> items = new ArrayList<>(List.of(
                new Item("worst", 1, "Worst pain in the last 24 hours", null, ZERO_TO_TEN),
                new Item("least", 2, "Least pain in the last 24 hours", null, ZERO_TO_TEN),
                new Item("average", 3, "Average pain", null, ZERO_TO_TEN),
                new Item("now", 4, "Pain right now", null, ZERO_TO_TEN)));
        List<String> interference = List.of(
                "General activity",
                "Mood",
                "Walking ability",
                "Normal work (outside the home and housework)",
                "Relations with other people",
                "Sleep",
                "Enjoyment of life");
        for (int i = 0; i < interference.size(); i++) {
            items.add(new Item("i_" + (i + 1), 5 + i, "Interference: " + interference.get(i), null, ZERO_TO_TEN));
        }
        return items;
    }
}
