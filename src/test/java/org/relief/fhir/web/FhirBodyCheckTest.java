package org.relief.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.relief.shared.SaneDates;

/** The input checks on a FHIR body: a clean body passes at once, and each problem is named as FHIR names it. */
class FhirBodyCheckTest {

    private final FhirBodyCheck check = new FhirBodyCheck(SaneDates.defaults());

    private static String bundle(String family, String birthDate, String identifier) {
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:1",
                 "resource":{"resourceType":"Patient","identifier":[{"system":"urn:x","value":"%s"}],
                  "name":[{"family":"%s","given":["Ann"]}],"birthDate":"%s"},
                 "request":{"method":"POST","url":"Patient"}}]}""".formatted(identifier, family, birthDate);
    }

    @Test
    void aCleanBodyHasNoProblems() {
        assertThat(check.check(bundle("Rivera", "1970-05-01", "A-1"))).isNull();
    }

    @Test
    void aControlCharacterIsNamedWhereItIs() {
        OperationOutcome oo = check.check(bundle("Riv\\u0001era", "1970-05-01", "A-1"));
        assertThat(oo).isNotNull();
        assertThat(oo.getIssue()).hasSize(1);
        assertThat(oo.getIssueFirstRep().getDiagnostics())
                .startsWith("Patient.name[0].family contains a control character");
        assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Bundle.entry[0].resource.name[0].family");
    }

    @Test
    void aDateOutOfRangeIsNamedButADateLikeIdentifierIsNot() {
        OperationOutcome oo = check.check(bundle("Rivera", "1066-10-14", "A-1"));
        assertThat(oo).isNotNull();
        assertThat(oo.getIssueFirstRep().getDiagnostics()).startsWith("Patient.birthDate ");
        // an identifier may look like a date out of range: it is not one (the quick pass suspects it, the walk clears
        // it)
        assertThat(check.check(bundle("Rivera", "1970-05-01", "0001-01-01"))).isNull();
    }

    @Test
    void aControlCharacterInAnElementNameIsNamed() {
        OperationOutcome oo = check.check("{\"resourceType\":\"Patient\",\"gen\\u0002der\":\"female\"}");
        assertThat(oo).isNotNull();
        assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("element name");
    }

    @Test
    void aBodyThatIsNotJsonIsLeftToTheFhirParser() {
        assertThat(check.check("<Patient xmlns=\"http://hl7.org/fhir\"/>")).isNull();
        assertThat(check.check("{\"resourceType\":\"Patient\",")).isNull();
    }
}
