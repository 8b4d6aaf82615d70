package org.relief.careteam;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The role permission matrix: which role may do which write. This is the one place that says it. The services refuse
 * (audited, 403) what a role may not do, and the templates offer only what the signed-in role may save (they read
 * {@link #allowedFor(Role)}). docs/permissions.md is this table in words; PermissionMatrixIT walks it against the real
 * endpoints. Seeing a chart at all is a separate rule (the care team, or break the glass: {@link ChartAccess}). The
 * portal's patient ({@link Role#PATIENT}) holds none of these: what they may do in their own chart (keep the diary,
 * answer what the clinic assigned) is the portal's, behind the guard's {@code SELF} grant.
 */
public enum Permission {
    REGISTER_REFERRAL("Register a referral (with the imaging and prior treatments it brings)", desk()),
    EDIT_DEMOGRAPHICS("Correct demographics and contact details", desk()),
    EDIT_REFERRAL("Add or correct a referral", desk()),
    WRITE_PROBLEMS("Add or correct problems and history", clinicians()),
    WRITE_IMAGING("Add or correct imaging studies on the chart", clinicians()),
    WRITE_PRIOR_TREATMENTS("Add or correct prior treatments on the chart", clinicians()),
    WRITE_MEDICATIONS("Add or change medications (e.g. an opioid dose): prescribers only", Role.PHYSICIAN),
    WRITE_ALLERGIES("Add or correct allergies", clinicians()),
    WRITE_ENCOUNTERS("Add or correct encounters", clinicians()),
    WRITE_DOCUMENTS("Attach or correct documents", clinicians()),
    RECORD_INSTRUMENTS("Record, correct or void instrument responses (NRS, ODI, PHQ-9, ...)", clinicians()),
    MOVE_STEP("Move a patient to another step of the way through the clinic", clinicians()),
    REPORT_SAFETY_CONCERN("Report a safety concern (raises an urgent alert)", clinicians()),
    DOCUMENT_SAFETY_FOLLOW_UP("Document the follow-up of a safety alert", clinicians()),
    RELEASE_CARE_HOLD("Release the hold on interventional care", Role.PHYSICIAN),
    RECORD_CANDIDACY_CALL("Record the candidacy call", Role.PHYSICIAN),
    START_EVALUATION("Start an evaluation", clinicians()),
    WRITE_EVALUATION_FINDINGS(
            "Record evaluation sessions, physical exams, diagnostic tests and diagnoses", clinicians()),
    WRITE_PSYCH_EVALUATION("Record the psychological evaluation", Role.MENTAL_HEALTH_THERAPIST),
    WRITE_PSYCHOTHERAPY_NOTES("Write psychotherapy notes", Role.MENTAL_HEALTH_THERAPIST),
    READ_PSYCHOTHERAPY_NOTES("Read psychotherapy notes", Role.MENTAL_HEALTH_THERAPIST),
    SIGN_EVALUATION("Sign the evaluation", Role.PHYSICIAN),
    PROPOSE_PLAN("Propose a treatment plan (or a new version)", clinicians()),
    SIGN_PLAN("Sign the treatment plan", Role.PHYSICIAN),
    ORDER_PROCEDURE("Order a procedure, or cancel an order", Role.PHYSICIAN),
    OVERRIDE_BLOCK("Override a rule's block on a procedure order", Role.PHYSICIAN),
    DOCUMENT_PROCEDURE("Document a procedure performed", Role.PHYSICIAN),
    RECORD_PROCEDURE_FOLLOW_UP("Record a procedure follow-up (relief, how long it lasted)", clinicians()),
    BOOK_APPOINTMENTS("Book, move or cancel appointments, mark a no-show, accept a proposed schedule", desk()),
    BREAK_THE_GLASS("Break the glass to open a chart outside one's care teams", clinicians()),
    SEARCH_WHOLE_CLINIC("Search the whole clinic", clinicians()),
    MANAGE_PORTAL_ACCESS("Invite a patient to the portal (a one-time code), or disable their access", desk()),
    ADMINISTER(
            "Run the clinic: staff, care teams, policy values, instrument texts, FHIR import, API tokens, "
                    + "audit log and break-glass report",
            Role.ADMIN);

    private final String label;
    private final Set<Role> roles;

    Permission(String label, Role... roles) {
        this.label = label;
        this.roles = Set.copyOf(Arrays.asList(roles));
    }

    Permission(String label, Set<Role> roles) {
        this.label = label;
        this.roles = Set.copyOf(roles);
    }

    public String label() {
        return label;
    }

    /** Whether the role may do this. */
    public boolean allows(Role role) {
        return role != null && roles.contains(role);
    }

    /** The roles that may do this, in the order of {@link Role}. */
    public Set<Role> roles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles);
        return set;
    }

    /** For templates: permission name -> whether this role may, e.g. {@code ${may.WRITE_MEDICATIONS}}. */
    public static Map<String, Boolean> allowedFor(Role role) {
        return role == null ? Answers.NOBODY : Answers.BY_ROLE.get(role);
    }

    private static Map<String, Boolean> computeAllowedFor(Role role) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (Permission p : values()) {
            map.put(p.name(), p.allows(role));
        }
        return Map.copyOf(map);
    }

    /**
     * Each role's answers, made once (the matrix is fixed): every page asked for them afresh before (issue 16).
     * Built on first use, after the constants exist.
     */
    private static final class Answers {
        static final Map<Role, Map<String, Boolean>> BY_ROLE;
        static final Map<String, Boolean> NOBODY = computeAllowedFor(null);

        static {
            Map<Role, Map<String, Boolean>> byRole = new java.util.EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                byRole.put(r, computeAllowedFor(r));
            }
            BY_ROLE = byRole;
        }
    }

    private static Set<Role> clinicians() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (r.isClinician()) {
                set.add(r);
            }
        }
        return set;
    }

    /** Front desk and every clinician. */
    private static Set<Role> desk() {
        Set<Role> set = clinicians();
        set.add(Role.FRONT_DESK);
        return set;
    }
}
