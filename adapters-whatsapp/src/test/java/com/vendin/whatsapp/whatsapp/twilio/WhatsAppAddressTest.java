package com.vendin.whatsapp.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import org.junit.jupiter.api.Test;

class WhatsAppAddressTest {

    @Test
    void givenAddressAlreadyPrefixedWhenSpelledThenKeptAsIs() {
        assertThat(WhatsAppAddress.of("whatsapp:+5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenPlusE164WhenSpelledThenPrefixAdded() {
        assertThat(WhatsAppAddress.of("+5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenBareDigitsWhenSpelledThenPrefixAndPlusAdded() {
        assertThat(WhatsAppAddress.of("5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenPrefixWithoutPlusWhenSpelledThenPlusAddedOnce() {
        assertThat(WhatsAppAddress.of("WhatsApp:5511987654321")).isEqualTo("whatsapp:+5511987654321");
    }

    @Test
    void givenSenderNumberWhenSpelledThenPrefixedE164() {
        assertThat(WhatsAppAddress.of(new PhoneNumber("+14155238886"))).isEqualTo("whatsapp:+14155238886");
    }
}
