package com.vendin.whatsapp.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import org.junit.jupiter.api.Test;

class WhatsAppAddressTest {

    @Test
    void givenAddressAlreadyPrefixed_whenSpelled_thenKeptAsIs() {
        assertThat(WhatsAppAddress.of("whatsapp:+5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenPlusE164_whenSpelled_thenPrefixAdded() {
        assertThat(WhatsAppAddress.of("+5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenBareDigits_whenSpelled_thenPrefixAndPlusAdded() {
        assertThat(WhatsAppAddress.of("5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenPrefixWithoutPlus_whenSpelled_thenPlusAddedOnce() {
        assertThat(WhatsAppAddress.of("WhatsApp:5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenSenderNumber_whenSpelled_thenPrefixedE164() {
        assertThat(WhatsAppAddress.of(new PhoneNumber("+14155238886"))).isEqualTo("whatsapp:+14155238886");
    }
}
