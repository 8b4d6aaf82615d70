package org.relief.patient;

import java.util.List;

/**
 * ICD-10-CM codes an IPM clinic uses most, offered as suggestions in the diagnosis and problem pickers. Any valid
 * ICD-10-CM code may be typed; this list only speeds up the common ones. Codes and titles from the ICD-10-CM code
 * set (FY2025).
 */
public final class Icd10Catalog {

    /** A code and its title. */
    public record Entry(String code, String title) {}

    public static final List<Entry> COMMON = List.of(
            new Entry("M54.50", "Low back pain, unspecified"),
            new Entry("M54.51", "Vertebrogenic low back pain"),
            new Entry("M54.59", "Other low back pain"),
            new Entry("M54.2", "Cervicalgia"),
            new Entry("M54.6", "Pain in thoracic spine"),
            new Entry("M54.12", "Radiculopathy, cervical region"),
            new Entry("M54.16", "Radiculopathy, lumbar region"),
            new Entry("M54.17", "Radiculopathy, lumbosacral region"),
            new Entry("M54.31", "Sciatica, right side"),
            new Entry("M54.32", "Sciatica, left side"),
            new Entry("M47.812", "Spondylosis without myelopathy or radiculopathy, cervical region"),
            new Entry("M47.816", "Spondylosis without myelopathy or radiculopathy, lumbar region"),
            new Entry("M47.817", "Spondylosis without myelopathy or radiculopathy, lumbosacral region"),
            new Entry("M48.061", "Spinal stenosis, lumbar region without neurogenic claudication"),
            new Entry("M48.062", "Spinal stenosis, lumbar region with neurogenic claudication"),
            new Entry("M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region"),
            new Entry("M51.36", "Other intervertebral disc degeneration, lumbar region"),
            new Entry("M46.1", "Sacroiliitis, not elsewhere classified"),
            new Entry("M53.3", "Sacrococcygeal disorders, not elsewhere classified"),
            new Entry("M96.1", "Postlaminectomy syndrome, not elsewhere classified"),
            new Entry("M79.7", "Fibromyalgia"),
            new Entry("M79.18", "Myalgia, other site"),
            new Entry("M62.830", "Muscle spasm of back"),
            new Entry("M17.11", "Unilateral primary osteoarthritis, right knee"),
            new Entry("M17.12", "Unilateral primary osteoarthritis, left knee"),
            new Entry("M25.511", "Pain in right shoulder"),
            new Entry("M25.512", "Pain in left shoulder"),
            new Entry(
                    "M80.08XA",
                    "Age-related osteoporosis with current pathological fracture, vertebra(e), "
                            + "initial encounter for fracture"),
            new Entry("G89.29", "Other chronic pain"),
            new Entry("G89.4", "Chronic pain syndrome"),
            new Entry("G89.28", "Other chronic postprocedural pain"),
            new Entry("G56.01", "Carpal tunnel syndrome, right upper limb"),
            new Entry("G57.11", "Meralgia paresthetica, right lower limb"),
            new Entry("G90.511", "Complex regional pain syndrome I of right upper limb"),
            new Entry("G50.0", "Trigeminal neuralgia"),
            new Entry("G43.909", "Migraine, unspecified, not intractable, without status migrainosus"),
            new Entry("G44.209", "Tension-type headache, unspecified, not intractable"),
            new Entry("B02.29", "Other postherpetic nervous system involvement"),
            new Entry("F32.1", "Major depressive disorder, single episode, moderate"),
            new Entry("F41.1", "Generalized anxiety disorder"));

    private Icd10Catalog() {}
}
