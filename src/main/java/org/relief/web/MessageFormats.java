package org.relief.web;

import java.util.Set;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * The API speaks JSON (besides forms, text and files): no other data format is read or written.
 *
 * <p>Spring registers a converter for every format whose library is on the class path. HAPI FHIR and springdoc bring
 * Jackson 2's YAML module and JAXB, so the API also answered {@code Accept: application/yaml} (written by a Jackson 2
 * mapper without Relief's settings: a birth date came out as {@code [1965, 11, 28]}) and, worse, took request bodies
 * as {@code application/yaml}: those bypassed the JSON reader's checks ({@link TextInputChecks}), and a family name
 * with a control character in it was stored. Those converters are now left out; such a request gets 415 (a body) or
 * 406 (an answer), each a problem document (a 415 names the types accepted in its {@code Accept} header, a 406 in
 * its detail), and changes nothing ({@code
 * MessageFormatsIT}). The FHIR endpoints read their bodies as text and parse them with HAPI, so they are not
 * affected.
 */
@Configuration(proxyBeanMethods = false)
class MessageFormats {

    /** The data formats Relief does not read or write (a converter for any of them is left out). */
    static final Set<String> OTHER_FORMATS = Set.of("yaml", "x-yaml", "xml", "cbor", "x-jackson-smile", "x-protobuf");

    @Bean
    ServerHttpMessageConvertersCustomizer jsonOnly() {
        return builder -> builder.configureMessageConvertersList(list -> list.removeIf(MessageFormats::otherFormat));
    }

    /** A converter for another data format: one of its media types is YAML, XML (or {@code +xml}), CBOR or Smile. */
    static boolean otherFormat(HttpMessageConverter<?> converter) {
        for (MediaType type : converter.getSupportedMediaTypes()) {
            String subtype = type.getSubtype();
            if (OTHER_FORMATS.contains(subtype) || subtype.endsWith("+xml") || subtype.endsWith("+yaml")) {
                return true;
            }
        }
        return false;
    }
}
