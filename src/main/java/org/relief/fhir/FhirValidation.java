package org.relief.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The HAPI validator against the base R4 specification, offline: terminology Relief cannot check here (SNOMED CT,
 * RxNorm, ICD-10-CM, LOINC) gives a warning, never an error; profiles Relief does not have (US Core, say) are not
 * errors either. Building it takes seconds and about 150 MB of heap (the base specification's structure definitions,
 * value sets and snapshots), so it is built only when needed: warmed in the background once the server is ready when
 * the import validates fully ({@code relief.fhir.import.validate: full}), else on first use (tests, say). Built at
 * every start, it took most of a 256 MB heap for nothing (issue 10, defect 1).
 */
@Component
public class FhirValidation {

    private static final Logger log = LoggerFactory.getLogger(FhirValidation.class);

    private final FhirContext fhir;
    private final boolean importCommand;
    private final boolean validatesFully;
    private volatile FhirValidator validator;

    FhirValidation(
            FhirContext fhir,
            org.springframework.boot.ApplicationArguments args,
            @org.springframework.beans.factory.annotation.Value("${relief.fhir.import.validate:structural}")
                    String importValidation) {
        this.fhir = fhir;
        this.importCommand = args.containsOption("import");
        this.validatesFully = java.util.Set.of("full", "true")
                .contains(String.valueOf(importValidation).strip().toLowerCase(java.util.Locale.ROOT));
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (importCommand || !validatesFully) {
            return; // built when (and only if) something validates fully; no core or heap spent on it before
        }
        Thread t = new Thread(
                () -> {
                    long started = System.nanoTime();
                    validate(new Patient().setActive(true));
                    log.info("FHIR validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
                },
                "fhir-validator-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Every message of the validation, errors and fatals first. */
    public List<SingleValidationMessage> validate(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages().stream()
                .sorted((a, b) -> b.getSeverity().ordinal() - a.getSeverity().ordinal())
                .toList();
    }

    /** The errors (and fatals) only, as "location: message". */
    public List<String> errors(IBaseResource resource) {
        return validate(resource).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    private FhirValidator validator() {
        FhirValidator v = validator;
        if (v == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = build();
                }
                v = validator;
            }
        }
        return v;
    }

    private FhirValidator build() {
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir),
                unknownSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setErrorForUnknownProfiles(false);
        module.setAnyExtensionsAllowed(true);
        FhirValidator v = fhir.newValidator();
        v.registerValidatorModule(module);
        return v;
    }
}
