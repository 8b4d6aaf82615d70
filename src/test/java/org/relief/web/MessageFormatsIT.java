package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relief.careteam.StaffDirectory;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API reads and writes JSON only: a YAML or XML body is refused (415) before anything is stored, and an answer
 * in YAML or XML is not offered (406). A YAML body used to bypass the JSON reader's checks and store a control
 * character in a family name ({@link MessageFormats}).
 */
@IntegrationTest
class MessageFormatsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aYamlBodyIsRefusedAndNothingIsStored() {
        UUID patel = staff.findByUsername("dr.patel").orElseThrow().id();
        String yaml = """
                demographics:
                  familyName: "Yaml\\x01Sidedoor"
                  givenName: "Door"
                  birthDate: "1970-10-14"
                  sex: FEMALE
                referral:
                  referringClinician: "Dr A"
                  referringPractice: "Practice"
                  reason: "Back pain"
                  referralDate: "2026-11-01"
                  urgency: ROUTINE
                coordinatingPhysicianId: "%s"
                """.formatted(patel);
        long before = patients();
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        for (String type : new String[] {"application/yaml", "application/x-yaml", "application/xml", "text/xml"}) {
            HttpResponse<String> r = api.raw("POST", "/api/patients", type, yaml);
            assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(r.body()).contains("is not supported");
            // the answer names what is accepted: JSON
            assertThat(r.headers().firstValue("Accept").orElse("")).contains("application/json");
        }
        assertThat(patients()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from patient_summary where family_name like 'Yaml%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void answersAreJsonOnly() {
        Http api = Http.basic(port, "dr.patel", IntegrationTest.DEMO_PASSWORD);
        for (String type : new String[] {"application/yaml", "application/xml", "application/cbor"}) {
            HttpResponse<String> r = api.getAccepting("/api/patients?q=a", type);
            assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(406);
            assertThat(r.body()).contains("application/json").doesNotContain("yaml");
        }
        HttpResponse<String> json = api.getAccepting("/api/patients?q=a", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        // a client that accepts anything gets JSON
        assertThat(api.getAccepting("/api/patients?q=a", "*/*")
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""))
                .startsWith("application/json");
    }

    @Test
    void theServersConvertersLeaveOtherFormatsOut() {
        assertThat(MessageFormats.otherFormat(new org.springframework.http.converter.StringHttpMessageConverter()))
                .isFalse();
        assertThat(MessageFormats.otherFormat(
                        new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter()))
                .isFalse();
        assertThat(MessageFormats.otherFormat(
                        new org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter()))
                .isTrue();
        assertThat(MessageFormats.otherFormat(
                        new org.springframework.http.converter.xml.SourceHttpMessageConverter<>()))
                .isTrue();
    }

    private long patients() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }
}
