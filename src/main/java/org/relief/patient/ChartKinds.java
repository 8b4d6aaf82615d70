package org.relief.patient;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chart's own entry kinds, declared as beans: {@link EntryKinds} knows a kind (finds it by slug for the generic
 * forms and the API) because its module declares it, here or in a configuration of its own.
 */
@Configuration(proxyBeanMethods = false)
class ChartKinds {

    @Bean
    static BeanDefinitionRegistryPostProcessor declareChartKinds() {
        return EntryKinds.declare(EntryKind.ALL.toArray(EntryKind<?>[]::new));
    }
}
