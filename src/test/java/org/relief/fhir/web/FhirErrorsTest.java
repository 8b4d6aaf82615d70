package org.relief.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.sql.SQLException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

/** What {@code /fhir} says of the server's own errors: a sentence and a reference, never the database's text. */
class FhirErrorsTest {

    private static final String SQL = "insert into patient_summary (patient_id, mrn) values (?, ?)";
    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirErrors errors = new FhirErrors(fhir);

    @Test
    void aDatabaseErrorIsA500WithAReferenceAndNoSql() {
        var response = errors.internal(new UncategorizedSQLException(
                "PreparedStatementCallback",
                SQL,
                new SQLException("ERROR: relation \"patient_summary\" violates something secret")));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        OperationOutcome oo = fhir.newJsonParser().parseResource(OperationOutcome.class, response.getBody());
        String said = oo.getIssueFirstRep().getDiagnostics();
        assertThat(oo.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.EXCEPTION);
        assertThat(said)
                .contains("error reference")
                .doesNotContain("patient_summary")
                .doesNotContain("secret")
                .doesNotContainIgnoringCase("sql");
    }

    @Test
    void aBrokenStateSaysNoMoreThanADatabaseError() {
        var response = errors.internal(new IllegalStateException("Connection is closed: jdbc:postgresql://db/relief"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).contains("error reference").doesNotContain("jdbc:postgresql");
    }

    @Test
    void aFailedExportKeepsItsOwnWords() {
        var response = errors.exportFailed(new BulkExportController.ExportFailedException(
                "export failed: the API token that started the export was revoked"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).contains("the API token that started the export was revoked");
    }
}
