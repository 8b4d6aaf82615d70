package org.relief.careteam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10, defect 6 (OWASP ASVS 4.0 V2.1): length, the shipped common-password list, and its obvious variants. */
class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "Password1234!",
                "123456789012",
                "qwertyuiopas",
                "aaaaaaaaaaaaaa",
                "abababababab",
                "1qaz2wsx3edc",
                "iloveyou2026!!",
                "2026!!football",
                "trustno1trustno1",
                "short",
                "dr.patel-is-great",
                "baseball12345"
            })
    void refusesWeakPasswords(String password) {
        assertThat(POLICY.problem("dr.patel", password)).as(password).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "copper lantern orbit 7",
                "Vq7-kd2P-9xLm-Rt4w",
                "sedation-ladder-pumpkin",
                "mein Kräutergarten blüht"
            })
    void acceptsGoodPasswords(String password) {
        assertThat(POLICY.problem("dr.patel", password)).as(password).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void saysWhyInWords() {
        assertThat(POLICY.problem("x", "password1234")).contains("is one of the most common passwords; choose another");
        assertThat(POLICY.problem("x", "dragon!2026!!"))
                .contains("is a common password with digits or symbols added; choose another");
        assertThat(POLICY.problem("x", "short")).contains("at least 12 characters");
        assertThat(POLICY.problem("x", "a".repeat(65))).contains("at most 64 characters");
    }
}
