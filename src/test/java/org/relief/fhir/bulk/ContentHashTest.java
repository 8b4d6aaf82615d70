package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void isTheSha256OfTheUtf8Text() {
        // FIPS 180-2 test vector: the hashes already in fhir_source_map were made this way and must still match
        assertThat(ContentHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContentHash.of("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Müller\"}]}")
                        .hex())
                .hasSize(64)
                .matches("[0-9a-f]+");
    }

    @Test
    void sameTextSameHashAnyChangeAnother() {
        String json = "{\"resourceType\":\"Condition\",\"id\":\"c1\"}";
        assertThat(ContentHash.of(json)).isEqualTo(ContentHash.of(new String(json)));
        assertThat(ContentHash.of(json)).isNotEqualTo(ContentHash.of(json.replace("c1", "c2")));
    }

    @Test
    void refusesWhatIsNotADigest() {
        assertThatThrownBy(() -> new ContentHash("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentHash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentHash(ContentHash.of("x").hex().toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
