package org.relief.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    /** One context for the application: building it scans the whole R4 model, and it is thread-safe. */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
