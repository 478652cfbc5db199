package com.vendin.whatsapp.ports.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartCorrelationTest {

    @Test
    void givenPartIdWhenMadeIntoACorrelationIdThenReadBackAsTheSamePart() {
        assertThat(PartCorrelation.of(42)).isEqualTo("wg-part-42");
        assertThat(PartCorrelation.partId(PartCorrelation.of(42))).contains(42L);
    }

    @Test
    void givenSomeoneElsesCallbackDataWhenReadThenNoPart() {
        assertThat(PartCorrelation.partId("order-42")).isEmpty();
        assertThat(PartCorrelation.partId("wg-part-")).isEmpty();
        assertThat(PartCorrelation.partId("wg-part-4x2")).isEmpty();
        assertThat(PartCorrelation.partId("wg-part-0")).isEmpty();
        assertThat(PartCorrelation.partId("wg-part-99999999999999999999")).isEmpty();
        assertThatThrownBy(() -> PartCorrelation.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
