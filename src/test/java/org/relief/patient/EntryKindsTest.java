package org.relief.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relief.evaluation.EvaluationKinds;
import org.relief.procedure.ProcedureKinds;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/** The chart knows a kind because its module declares it as a bean; no static registry, nothing to "load" first. */
class EntryKindsTest {

    @Test
    void theChartKnowsEveryKindItsModulesDeclare() {
        try (var context = new AnnotationConfigApplicationContext(
                ChartKinds.class, EvaluationKinds.class, ProcedureKinds.class, EntryKinds.class)) {
            EntryKinds kinds = context.getBean(EntryKinds.class);
            assertThat(kinds.all())
                    .containsAll(EntryKind.ALL)
                    .contains(EvaluationKinds.EXAM, EvaluationKinds.PSYCH_NOTE, ProcedureKinds.PERFORMED)
                    .hasSize(EntryKind.ALL.size() + 6 + 2);
            assertThat(kinds.bySlug("exams")).contains(EvaluationKinds.EXAM);
            assertThat(kinds.bySlug("nothing")).isEmpty();
            // each kind is a bean of its own, typed by its payload
            assertThat(context.getBeanNamesForType(ResolvableType.forClassWithGenerics(EntryKind.class, Allergy.class)))
                    .containsExactly("allergiesEntryKind");
        }
    }

    @Test
    void withoutItsModulesConfigurationAKindIsUnknown() {
        try (var context = new AnnotationConfigApplicationContext(ChartKinds.class, EntryKinds.class)) {
            assertThat(context.getBean(EntryKinds.class).bySlug("exams")).isEmpty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Twice {
        @Bean
        static BeanDefinitionRegistryPostProcessor again() {
            return EntryKinds.declare(EntryKind.ALLERGY);
        }
    }

    @Test
    void aSlugDeclaredTwiceStopsTheStart() {
        assertThatThrownBy(() ->
                        new AnnotationConfigApplicationContext(ChartKinds.class, Twice.class, EntryKinds.class).close())
                .hasMessageContaining("entry kind 'allergies' is declared twice");
    }
}
