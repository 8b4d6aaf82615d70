package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.UncategorizedSQLException;

/** The JSON API's answer to a database error: 500, a sentence and a reference; the SQL only in the log. */
class ApiErrorsTest {

    @Test
    void aDatabaseErrorIsA500WithAReferenceAndNoSql() {
        ProblemDetail p = new ApiErrors()
                .database(new UncategorizedSQLException(
                        "PreparedStatementCallback",
                        "insert into medication (id, dose) values (?, ?)",
                        new SQLException("ERROR: value out of range")));
        assertThat(p.getStatus()).isEqualTo(500);
        assertThat(p.getDetail())
                .contains("error reference")
                .doesNotContain("insert into")
                .doesNotContain("out of range");
        assertThat(p.getProperties()).containsKey("errorReference");
        assertThat(p.getDetail()).contains((String) p.getProperties().get("errorReference"));
    }
}
