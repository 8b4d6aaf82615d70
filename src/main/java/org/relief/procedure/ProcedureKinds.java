package org.relief.procedure;

import org.relief.careteam.Permission;
import org.relief.patient.EntryKind;
import org.relief.patient.EntryKinds;
import org.relief.procedure.Documentation.FollowUp;
import org.relief.procedure.Documentation.Performed;
import org.relief.record.RecordKind;
import org.relief.record.RecordKind.Layout;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The procedure module's record kinds: the chart entry kinds (the physician documents procedures, clinicians record
 * follow-ups), declared as beans so the chart knows them, and the policy values.
 */
@Configuration(proxyBeanMethods = false)
public class ProcedureKinds {

    public static final EntryKind<Performed> PERFORMED = EntryKind.define(
            "procedures",
            "Procedure performed",
            RecordKind.of("procedure_record", Performed.class, "performed_on desc"),
            Permission.DOCUMENT_PROCEDURE,
            null,
            "procedures");
    public static final EntryKind<FollowUp> FOLLOW_UP = EntryKind.define(
            "procedure-followups",
            "Procedure follow-up",
            RecordKind.of("procedure_followup", FollowUp.class, "followed_up_on"),
            Permission.RECORD_PROCEDURE_FOLLOW_UP,
            null,
            "procedures");

    /**
     * The rules' policy values, kept by the record engine though they are no chart entry (no patient, never
     * voided): each key is one entry, each change a version; the row id decisions point at comes from a sequence.
     */
    @Bean
    RecordKind<PolicyValues.Row> policyValueKind() {
        return RecordKind.of("policy_value", PolicyValues.Row.class, "key")
                .withLayout(new Layout("entry_id", "version", null, null, null, "reason", "changed_by", "changed_at"))
                .withGenerated("id");
    }

    /** The chart entry kinds as beans, so the chart knows them. */
    @Bean
    static BeanDefinitionRegistryPostProcessor declareProcedureKinds() {
        return EntryKinds.declare(PERFORMED, FOLLOW_UP);
    }
}
