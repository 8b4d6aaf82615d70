package org.relief.patient;

import java.util.Objects;
import org.relief.careteam.Permission;
import org.relief.careteam.Role;
import org.relief.record.RecordKind;

/**
 * A kind of chart entry: its {@link RecordKind} (payload type, the table that keeps its versions, the order the chart
 * lists them in, all stored by the record engine), where it sits in URLs, and the {@link Permission} a role needs to
 * write it (the matrix in careteam.Permission decides who). The chart's own kinds are the constants here; other
 * modules define theirs with {@link #define}. A kind is known to the chart (found by its slug) when its module
 * declares it as a Spring bean: see {@link ChartKinds} and {@link EntryKinds}.
 *
 * @param <T> the payload record
 */
public final class EntryKind<T extends Record> {

    public static final EntryKind<Demographics> DEMOGRAPHICS = chart(
            "demographics",
            "Demographics",
            RecordKind.of("demographics", Demographics.class, "recorded_at desc"),
            Permission.EDIT_DEMOGRAPHICS);
    public static final EntryKind<Referral> REFERRAL = chart(
            "referrals",
            "Referral",
            RecordKind.of("referral", Referral.class, "referral_date desc"),
            Permission.EDIT_REFERRAL);
    public static final EntryKind<Problem> PROBLEM = chart(
            "problems",
            "Problem / history",
            RecordKind.of("problem", Problem.class, "clinical_status, onset_date desc nulls last"),
            Permission.WRITE_PROBLEMS);
    public static final EntryKind<ImagingStudy> IMAGING = chart(
            "imaging",
            "Imaging study",
            RecordKind.of("imaging_study", ImagingStudy.class, "study_date desc"),
            Permission.WRITE_IMAGING);
    public static final EntryKind<PriorTreatment> TREATMENT = chart(
            "treatments",
            "Prior treatment",
            RecordKind.of("prior_treatment", PriorTreatment.class, "start_date desc"),
            Permission.WRITE_PRIOR_TREATMENTS);
    public static final EntryKind<Medication> MEDICATION = chart(
            "medications",
            "Medication",
            RecordKind.of("medication", Medication.class, "status, name"),
            Permission.WRITE_MEDICATIONS);
    public static final EntryKind<Allergy> ALLERGY = chart(
            "allergies", "Allergy", RecordKind.of("allergy", Allergy.class, "substance"), Permission.WRITE_ALLERGIES);
    public static final EntryKind<Encounter> ENCOUNTER = chart(
            "encounters",
            "Encounter",
            RecordKind.of("encounter", Encounter.class, "encounter_date desc"),
            Permission.WRITE_ENCOUNTERS);
    public static final EntryKind<Document> DOCUMENT = chart(
            "documents",
            "Document",
            RecordKind.of("document", Document.class, "document_date desc"),
            Permission.WRITE_DOCUMENTS);

    /** The chart's own kinds, in the order the chart shows them. */
    public static final java.util.List<EntryKind<?>> ALL = java.util.List.of(
            DEMOGRAPHICS, REFERRAL, PROBLEM, IMAGING, TREATMENT, MEDICATION, ALLERGY, ENCOUNTER, DOCUMENT);

    private final String slug;
    private final String label;
    private final RecordKind<T> record;
    private final Permission writers;
    private final Permission readers;
    private final String home;

    private EntryKind(
            String slug, String label, RecordKind<T> record, Permission writers, Permission readers, String home) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.label = Objects.requireNonNull(label, "label");
        this.record = Objects.requireNonNull(record, "record");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.readers = readers;
        this.home = home;
    }

    private static <T extends Record> EntryKind<T> chart(
            String slug, String label, RecordKind<T> record, Permission writers) {
        return new EntryKind<>(slug, label, record, writers, null, "");
    }

    /**
     * Defines a kind of chart entry owned by another module. Its table follows the chart's convention (the standard
     * bookkeeping columns of {@link RecordKind.Layout#STANDARD}, then one column per record component in
     * snake_case, append-only) so it gets the chart's versioning, access checks, validation, audit and generic forms
     * once the module declares it as a bean.
     *
     * @param writers the permission a role needs to write it
     * @param readers the permission a role needs to read it (null: everyone who may open the chart)
     * @param home the chart sub-page its forms return to (e.g. "evaluation"), "" for the chart itself
     */
    public static <T extends Record> EntryKind<T> define(
            String slug, String label, RecordKind<T> record, Permission writers, Permission readers, String home) {
        return new EntryKind<>(slug, label, record, writers, readers, home);
    }

    /** Whether this role may write entries of this kind. */
    public boolean mayWrite(Role role) {
        return writers.allows(role);
    }

    /** The permission a role needs to write entries of this kind. */
    public Permission writePermission() {
        return writers;
    }

    /** Whether this role may read entries of this kind (beyond being allowed to open the chart). */
    public boolean mayRead(Role role) {
        return readers == null || readers.allows(role);
    }

    /** What a role needs to read entries of this kind beyond opening the chart (none for most kinds). */
    public Permission[] readPermissions() {
        return readers == null ? new Permission[0] : new Permission[] {readers};
    }

    /** The chart sub-page this kind's forms return to. */
    public String home() {
        return home;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public Class<T> type() {
        return record.type();
    }

    /** How the record engine stores this kind. */
    public RecordKind<T> record() {
        return record;
    }

    /** Casts a payload to this kind's type, refusing a payload of another kind. */
    public T cast(Record payload) {
        if (!type().isInstance(payload)) {
            throw new IllegalArgumentException(slug + " expects " + type().getSimpleName());
        }
        return type().cast(payload);
    }

    @Override
    public String toString() {
        return slug;
    }
}
