package org.relief.plan;

import java.util.List;
import java.util.Optional;
import org.relief.careteam.Role;

/**
 * The therapy catalogue. CPT codes for interventions are those of the rules reference (section 13); SNOMED CT
 * codes are not shipped yet (they will be added from the SNOMED CT release, not guessed).
 */
public final class TherapyCatalog {

    private static final Role MD = Role.PHYSICIAN;

    public static final List<Therapy> ALL = List.of(
            t(
                    "ESI_IL",
                    "Epidural steroid injection, interlaminar",
                    "Injection",
                    MD,
                    List.of("62321", "62323"),
                    "ESI_INTERLAMINAR",
                    "intermediate",
                    "single injection; repeat only after a good response, at least " + "3 weeks apart",
                    "A needle guided by x-ray places anti-inflammatory medicine near the irritated "
                            + "nerves. You may feel pressure. Relief, if it comes, usually starts within days."),
            t(
                    "ESI_TF",
                    "Epidural steroid injection, transforaminal",
                    "Injection",
                    MD,
                    List.of("64479", "64480", "64483", "64484"),
                    "ESI_TRANSFORAMINAL",
                    "intermediate",
                    "single injection at one or two levels",
                    "The medicine is placed where one nerve root leaves the "
                            + "spine. Your leg may feel numb for a few hours."),
            t(
                    "ESI_CAUDAL",
                    "Epidural steroid injection, caudal",
                    "Injection",
                    MD,
                    List.of("62323"),
                    "ESI_CAUDAL",
                    "intermediate",
                    "single injection",
                    "The injection is given low in the back, near the tailbone."),
            t(
                    "MBB",
                    "Medial branch block (diagnostic)",
                    "Nerve block",
                    MD,
                    List.of("64490", "64491", "64492", "64493", "64494", "64495"),
                    "MEDIAL_BRANCH_BLOCK",
                    "low (lumbar/thoracic), intermediate (cervical)",
                    "two diagnostic blocks before an ablation",
                    "A small amount of numbing medicine tests whether the small joints of the spine cause your pain. "
                            + "Keep a pain diary for the hours after it."),
            t(
                    "RFA",
                    "Radiofrequency ablation",
                    "Ablation",
                    MD,
                    List.of("64633", "64634", "64635", "64636"),
                    "RADIOFREQUENCY_ABLATION",
                    "low (lumbar/thoracic), intermediate (cervical)",
                    "one session per side; relief often lasts months, nerves regrow",
                    "Heat from a needle tip quiets the small nerves that carry joint pain. Soreness for a week or two "
                            + "is common before relief starts."),
            t(
                    "SCS_TRIAL",
                    "Spinal cord stimulator trial",
                    "Stimulation",
                    MD,
                    List.of("63650"),
                    "SCS_TRIAL",
                    "high",
                    "trial of about 3-7 days",
                    "Thin temporary wires are placed and connected to an outside "
                            + "stimulator for a few days to see whether it helps before anything is implanted."),
            t(
                    "SCS_IMPLANT",
                    "Spinal cord stimulator implant",
                    "Stimulation",
                    MD,
                    List.of(),
                    "SCS_IMPLANT",
                    "high",
                    "after a successful trial",
                    "A small device is implanted after a trial that helped."),
            t(
                    "PNS",
                    "Peripheral nerve stimulation",
                    "Stimulation",
                    MD,
                    List.of(),
                    "PNS_IMPLANT",
                    "low",
                    "trial, then implant",
                    "A small lead near a nerve sends gentle pulses that can ease pain."),
            t(
                    "ADHESIOLYSIS",
                    "Percutaneous adhesiolysis",
                    "Procedure",
                    MD,
                    List.of("62263", "62264"),
                    "ADHESIOLYSIS",
                    "intermediate (Relief's assumption)",
                    "at most one per 6 months per region",
                    "A thin catheter frees scar tissue around nerves after back surgery."),
            t(
                    "TPI",
                    "Trigger point injections",
                    "Injection",
                    MD,
                    List.of("20552", "20553"),
                    "TRIGGER_POINT_INJECTION",
                    "low",
                    "up to 3 sessions a year, with rehabilitation",
                    "Small injections into tight, tender knots in the muscle. Stretching afterwards helps."),
            t(
                    "SIJ_INJ",
                    "Sacroiliac joint injection",
                    "Injection",
                    MD,
                    List.of(),
                    "SIJ_THERAPEUTIC",
                    "low",
                    "diagnostic then therapeutic",
                    "Medicine is placed into the joint between the spine and pelvis."),
            t(
                    "SIJ_FUSION",
                    "Sacroiliac joint fusion",
                    "Surgery",
                    MD,
                    List.of("27279"),
                    "SIJ_FUSION",
                    "not named in the guideline",
                    "after positive tests and blocks",
                    "A minimally invasive operation " + "joins the sacroiliac joint to stop painful movement."),
            t(
                    "VERTEBRAL_AUG",
                    "Kyphoplasty / vertebroplasty",
                    "Procedure",
                    MD,
                    List.of("22510", "22511", "22512", "22513", "22514", "22515"),
                    "VERTEBRAL_AUGMENTATION",
                    "high",
                    "single procedure for a recent fracture",
                    "Bone cement stabilises a fractured vertebra."),
            t(
                    "MEDICATION",
                    "Medication management",
                    "Medication",
                    MD,
                    List.of(),
                    null,
                    "none",
                    "reviews every 1-3 months",
                    "Your medicines are reviewed for what helps and what does not; some " + "may be tapered."),
            t(
                    "PT",
                    "Physical therapy",
                    "Rehabilitation",
                    Role.PHYSICAL_THERAPIST,
                    List.of("97110"),
                    null,
                    "none",
                    "e.g. 2x a week for 6 weeks",
                    "Exercises to build strength and movement, and a home programme "
                            + "to keep going between visits."),
            t(
                    "CHIRO",
                    "Chiropractic care",
                    "Manual therapy",
                    Role.CHIROPRACTOR,
                    List.of("98940"),
                    null,
                    "none",
                    "e.g. 1-2x a week for 4-6 weeks",
                    "Hands-on treatment of the spine and joints, with advice on " + "posture and activity."),
            t(
                    "ACUPUNCTURE",
                    "Acupuncture",
                    "Complementary",
                    Role.ACUPUNCTURIST,
                    List.of("97810"),
                    null,
                    "low",
                    "e.g. weekly for 6-8 weeks",
                    "Very fine needles placed at chosen points; most people feel little " + "discomfort."),
            t(
                    "CBT",
                    "Cognitive behavioural therapy / pain psychology",
                    "Psychology",
                    Role.MENTAL_HEALTH_THERAPIST,
                    List.of("90834"),
                    null,
                    "none",
                    "e.g. weekly for 8-12 sessions",
                    "Skills to manage pain, sleep and mood, and to get back to the things that matter to you."),
            t(
                    "MINDFULNESS",
                    "Mindfulness",
                    "Psychology",
                    Role.MENTAL_HEALTH_THERAPIST,
                    List.of(),
                    null,
                    "none",
                    "e.g. 8-week course",
                    "Guided practice in noticing pain and thoughts without being carried away " + "by them."),
            // no CPT claimed: the plan is written within a psychotherapy or crisis visit, billed as that visit
            t(
                    "CRISIS_PLAN",
                    "Crisis / safety plan",
                    "Psychology",
                    Role.MENTAL_HEALTH_THERAPIST,
                    List.of(),
                    null,
                    "none",
                    "written with the patient after a safety alert; reviewed at every visit while the safety "
                            + "hold lasts",
                    "Together with your therapist you write down your warning signs, what helps you "
                            + "cope, people and places to reach out to, and the crisis lines to call, so you know what to do "
                            + "if things get hard."));

    private TherapyCatalog() {}

    public static Optional<Therapy> byCode(String code) {
        return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private static Therapy t(
            String code,
            String name,
            String category,
            Role discipline,
            List<String> cpt,
            String procedureType,
            String bleedingRisk,
            String course,
            String expect) {
        return new Therapy(code, name, category, discipline, cpt, procedureType, bleedingRisk, course, expect);
    }
}
