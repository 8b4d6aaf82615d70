package org.relief.patient;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relief.careteam.Permission;
import org.relief.careteam.Role;

/**
 * A kind of chart entry: its payload type, the table that keeps its versions, where it sits in URLs, and the
 * {@link Permission} a role needs to write it (the matrix in careteam.Permission decides who).
 *
 * @param <T> the payload record
 */
public final class EntryKind<T extends Record> {

    public static final EntryKind<Demographics> DEMOGRAPHICS =
            new EntryKind<>("demographics", "Demographics", Demographics.class, "demographics",
                    Permission.EDIT_DEMOGRAPHICS, "recorded_at desc");
    public static final EntryKind<Referral> REFERRAL =
            new EntryKind<>("referrals", "Referral", Referral.class, "referral", Permission.EDIT_REFERRAL,
                    "referral_date desc");
    public static final EntryKind<Problem> PROBLEM =
            new EntryKind<>("problems", "Problem / history", Problem.class, "problem", Permission.WRITE_PROBLEMS,
                    "clinical_status, onset_date desc nulls last");
    public static final EntryKind<ImagingStudy> IMAGING =
            new EntryKind<>("imaging", "Imaging study", ImagingStudy.class, "imaging_study", Permission.WRITE_IMAGING,
                    "study_date desc");
    public static final EntryKind<PriorTreatment> TREATMENT =
            new EntryKind<>("treatments", "Prior treatment", PriorTreatment.class, "prior_treatment",
                    Permission.WRITE_PRIOR_TREATMENTS, "start_date desc");
    public static final EntryKind<Medication> MEDICATION =
            new EntryKind<>("medications", "Medication", Medication.class, "medication", Permission.WRITE_MEDICATIONS,
                    "status, name");
    public static final EntryKind<Allergy> ALLERGY =
            new EntryKind<>("allergies", "Allergy", Allergy.class, "allergy", Permission.WRITE_ALLERGIES, "substance");
    public static final EntryKind<Encounter> ENCOUNTER =
            new EntryKind<>("encounters", "Encounter", Encounter.class, "encounter", Permission.WRITE_ENCOUNTERS,
                    "encounter_date desc");

    public static final EntryKind<Document> DOCUMENT =
            new EntryKind<>("documents", "Document", Document.class, "document", Permission.WRITE_DOCUMENTS,
                    "document_date desc");

    /** The chart's own kinds, in the order the chart shows them. */
    public static final List<EntryKind<?>> ALL =
            List.of(DEMOGRAPHICS, REFERRAL, PROBLEM, IMAGING, TREATMENT, MEDICATION, ALLERGY, ENCOUNTER, DOCUMENT);

    /** Every kind, the chart's and those other modules define (evaluation findings, ...). */
    private static final List<EntryKind<?>> REGISTERED = new CopyOnWriteArrayList<>(ALL);

    private final String slug;
    private final String label;
    private final Class<T> type;
    private final String table;
    private final String order;
    private final Permission writers;
    private final Permission readers;
    private final String home;

    private EntryKind(String slug, String label, Class<T> type, String table, Permission writers, String order) {
        this(slug, label, type, table, order, writers, null, "");
    }

    private EntryKind(String slug, String label, Class<T> type, String table, String order, Permission writers,
            Permission readers, String home) {
        this.slug = slug;
        this.label = label;
        this.type = type;
        this.table = table;
        this.order = order;
        this.writers = writers;
        this.readers = readers;
        this.home = home;
    }

    /**
     * Defines a kind of versioned entry owned by another module. Its table follows the chart's convention (the
     * bookkeeping columns of the chart tables, then one column per record component in snake_case, append-only)
     * so it gets the chart's versioning, access checks, validation, audit and generic forms.
     *
     * @param writers the permission a role needs to write it
     * @param readers the permission a role needs to read it (null: everyone who may open the chart)
     * @param home the chart sub-page its forms return to (e.g. "evaluation"), "" for the chart itself
     */
    public static <T extends Record> EntryKind<T> define(String slug, String label, Class<T> type, String table,
            String order, Permission writers, Permission readers, String home) {
        EntryKind<T> kind = new EntryKind<>(slug, label, type, table, order,
                java.util.Objects.requireNonNull(writers, "writers"), readers, home);
        if (REGISTERED.stream().anyMatch(k -> k.slug.equals(slug))) {
            throw new IllegalStateException("entry kind '" + slug + "' is defined twice");
        }
        REGISTERED.add(kind);
        return kind;
    }

    public static Optional<EntryKind<?>> bySlug(String slug) {
        return REGISTERED.stream().filter(k -> k.slug.equals(slug)).findFirst();
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
        return type;
    }

    String table() {
        return table;
    }

    String order() {
        return order;
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
