package org.relief.patient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chart's own entry kinds, declared as beans: {@link EntryKinds} knows a kind (finds it by slug for the generic
 * forms and the API) because its module declares it here or in a configuration of its own.
 */
@Configuration(proxyBeanMethods = false)
class ChartKinds {

    @Bean
    EntryKind<Demographics> demographicsKind() {
        return EntryKind.DEMOGRAPHICS;
    }

    @Bean
    EntryKind<Referral> referralKind() {
        return EntryKind.REFERRAL;
    }

    @Bean
    EntryKind<Problem> problemKind() {
        return EntryKind.PROBLEM;
    }

    @Bean
    EntryKind<ImagingStudy> imagingKind() {
        return EntryKind.IMAGING;
    }

    @Bean
    EntryKind<PriorTreatment> treatmentKind() {
        return EntryKind.TREATMENT;
    }

    @Bean
    EntryKind<Medication> medicationKind() {
        return EntryKind.MEDICATION;
    }

    @Bean
    EntryKind<Allergy> allergyKind() {
        return EntryKind.ALLERGY;
    }

    @Bean
    EntryKind<Encounter> encounterKind() {
        return EntryKind.ENCOUNTER;
    }

    @Bean
    EntryKind<Document> documentKind() {
        return EntryKind.DOCUMENT;
    }
}
