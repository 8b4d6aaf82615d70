package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** The warm-up's placeholder packet goes the transaction's way without a problem (else the warm-up would stop). */
class WarmUpBundleTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void isAStrictlyParsableTransactionTakenApartWithoutProblems() {
        String json = FHIR.newJsonParser().encodeResourceToString(WarmUpBundle.make(2));
        Bundle parsed = FHIR.newJsonParser()
                .setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
                .parseResource(Bundle.class, json);
        NdjsonPacket packet = NdjsonPacket.fromBundle(FHIR, parsed);
        // per patient: the Patient, then five of each of seven kinds
        assertThat(packet.lines()).hasSize(2 * (1 + 5 * 7));
        assertThat(packet.unreadable()).isEmpty();
        // references to the placeholder patient and encounters were rewritten to their ids, as a transaction's are
        assertThat(packet.lines().get(2).json()).contains("\"reference\":\"Patient/");
    }

    @Test
    void theWholeWarmUpRunsThrough() {
        // the server runs it on a thread of its own and only logs a failure (at debug): it must not fail here
        assertThat(WarmUpBundle.warmUp(FHIR, () -> false)).isEqualTo(10);
    }

    @Test
    void takesNoFurtherRoundOnceRealWorkHasCome() {
        // the first transaction sets the flag; the warm-up then leaves the cores to it
        int[] asked = {0};
        assertThat(WarmUpBundle.warmUp(FHIR, () -> ++asked[0] > 3)).isEqualTo(3);
        assertThat(WarmUpBundle.warmUp(FHIR, () -> true)).isZero();
    }
}
