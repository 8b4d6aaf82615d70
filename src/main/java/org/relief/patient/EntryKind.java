package org.relief.patient;

import java.util.List;
import java.util.Optional;

/**
 * A kind of chart entry: its payload type, the table that keeps its versions, where it sits in URLs, and who may
 * write it. Front desk may write the administrative kinds (demographics, referral); clinicians may write all.
 *
 * @param <T> the payload record
 */
public final class EntryKind<T extends Record> {

    public static final EntryKind<Demographics> DEMOGRAPHICS =
            new EntryKind<>("demographics", "Demographics", Demographics.class, "demographics", true, "recorded_at desc");
    public static final EntryKind<Referral> REFERRAL =
            new EntryKind<>("referrals", "Referral", Referral.class, "referral", true, "referral_date desc");
    public static final EntryKind<Problem> PROBLEM =
            new EntryKind<>("problems", "Problem / history", Problem.class, "problem", false,
                    "clinical_status, onset_date desc nulls last");
    public static final EntryKind<ImagingStudy> IMAGING =
            new EntryKind<>("imaging", "Imaging study", ImagingStudy.class, "imaging_study", false, "study_date desc");
    public static final EntryKind<PriorTreatment> TREATMENT =
            new EntryKind<>("treatments", "Prior treatment", PriorTreatment.class, "prior_treatment", false,
                    "start_date desc");
    public static final EntryKind<Medication> MEDICATION =
            new EntryKind<>("medications", "Medication", Medication.class, "medication", false, "status, name");
    public static final EntryKind<Allergy> ALLERGY =
            new EntryKind<>("allergies", "Allergy", Allergy.class, "allergy", false, "substance");
    public static final EntryKind<Encounter> ENCOUNTER =
            new EntryKind<>("encounters", "Encounter", Encounter.class, "encounter", false, "encounter_date desc");

    public static final List<EntryKind<?>> ALL =
            List.of(DEMOGRAPHICS, REFERRAL, PROBLEM, IMAGING, TREATMENT, MEDICATION, ALLERGY, ENCOUNTER);

    private final String slug;
    private final String label;
    private final Class<T> type;
    private final String table;
    private final boolean frontDeskMayWrite;
    private final String order;

    private EntryKind(String slug, String label, Class<T> type, String table, boolean frontDeskMayWrite,
            String order) {
        this.slug = slug;
        this.label = label;
        this.type = type;
        this.table = table;
        this.frontDeskMayWrite = frontDeskMayWrite;
        this.order = order;
    }

    public static Optional<EntryKind<?>> bySlug(String slug) {
        return ALL.stream().filter(k -> k.slug.equals(slug)).findFirst();
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public Class<T> type() {
        return type;
    }

    String table() {
        return table;
    }

    String order() {
        return order;
    }

    public boolean frontDeskMayWrite() {
        return frontDeskMayWrite;
    }

    /** Casts a payload to this kind's type, refusing a payload of another kind. */
    public T cast(Record payload) {
        if (!type.isInstance(payload)) {
            throw new IllegalArgumentException(slug + " expects " + type.getSimpleName());
        }
        return type.cast(payload);
    }

    @Override
    public String toString() {
        return slug;
    }
}
