package com.vendin.whatsapp.domain.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "551199991111             | +551199991111",
                "15550783881              | +15550783881",
                "whatsapp:+5511999991111  | +5511999991111",
                "WhatsApp:+14155238886    | +14155238886",
                "whatsapp: +5511999991111 | +5511999991111",
                "+55 (11) 99991-1111      | +5511999911111",
                "+1 555-078-3881          | +15550783881",
                "+44 20 7946 0958         | +442079460958",
                "'  +5511999991111  '     | +5511999991111",
            })
    void everyProviderAndHumanSpellingParsesToE164(String raw, String e164) {
        assertThat(PhoneNumbers.parse(raw)).isEqualTo(new PhoneNumber(e164));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "whatsapp:"})
    void emptyInputIsRejectedAsEmpty(String raw) {
        assertRejected(raw, "empty");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "US.13491208655302741918",
                "++5511999991111",
                "+1 555 078 3881 ext 2",
                "+1",
                "5511-CALL-ME"
            })
    void textThatIsNotANumberIsRejected(String raw) {
        assertRejected(raw, "not a number");
    }

    @Test
    void unassignedCountryCodeIsRejected() {
        assertRejected("+999 1234567", "invalid country code");
    }

    @Test
    void numberTooShortForItsCountryIsRejected() {
        assertRejected("+55 11", "too short");
        assertRejected("+55 119999", "too short");
    }

    @Test
    void numberTooLongIsRejected() {
        assertRejected("+5511999991111222", "too long");
        assertRejected("+55 11 99999 1111222233", "too long");
    }

    @Test
    void brazilianMobileWithoutNinthDigitGetsIt() {
        assertThat(PhoneNumbers.canonical(new PhoneNumber("+551199991111")))
                .isEqualTo(new PhoneNumber("+5511999991111"));
        assertThat(PhoneNumbers.parseCanonical("551188887777")).isEqualTo(new PhoneNumber("+5511988887777"));
        assertThat(PhoneNumbers.parseCanonical("552176665555")).isEqualTo(new PhoneNumber("+5521976665555"));
    }

    @Test
    void brazilianMobileWithNinthDigitStaysAsItIs() {
        assertThat(PhoneNumbers.canonical(new PhoneNumber("+5511999991111")))
                .isEqualTo(new PhoneNumber("+5511999991111"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+551133334444", "+552125556666", "+554140045678", "+555151234567"})
    void brazilianLandlineIsUntouched(String e164) {
        assertThat(PhoneNumbers.canonical(new PhoneNumber(e164))).isEqualTo(new PhoneNumber(e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+15550783881", "+442079460958", "+34600111222", "+5611999911111"})
    void numbersOutsideBrazilAreUntouched(String e164) {
        assertThat(PhoneNumbers.canonical(new PhoneNumber(e164))).isEqualTo(new PhoneNumber(e164));
    }

    @Test
    void bothSpellingsOfABrazilianMobileAreTheSameSubscriber() {
        assertThat(PhoneNumbers.sameSubscriber(new PhoneNumber("+551199991111"), new PhoneNumber("+5511999991111")))
                .isTrue();
        assertThat(PhoneNumbers.sameSubscriber(new PhoneNumber("+5511999991111"), new PhoneNumber("+551199991111")))
                .isTrue();
        assertThat(PhoneNumbers.sameSubscriber(new PhoneNumber("+551199991111"), new PhoneNumber("+551199991112")))
                .isFalse();
        assertThat(PhoneNumbers.sameSubscriber(new PhoneNumber("+551133334444"), new PhoneNumber("+5511933334444")))
                .isFalse();
    }

    @Test
    void aBrazilianMobileHasItsCanonicalAndItsOldSpelling() {
        assertThat(PhoneNumbers.spellings(new PhoneNumber("+551199991111")))
                .containsExactly(new PhoneNumber("+5511999991111"), new PhoneNumber("+551199991111"));
        assertThat(PhoneNumbers.spellings(new PhoneNumber("+5511999991111")))
                .containsExactly(new PhoneNumber("+5511999991111"), new PhoneNumber("+551199991111"));
    }

    @Test
    void landlinesAndOtherCountriesHaveOneSpelling() {
        assertThat(PhoneNumbers.spellings(new PhoneNumber("+551140045678")))
                .containsExactly(new PhoneNumber("+551140045678"));
        assertThat(PhoneNumbers.spellings(new PhoneNumber("+15550783881")))
                .containsExactly(new PhoneNumber("+15550783881"));
    }

    private static void assertRejected(String raw, String reason) {
        assertThatThrownBy(() -> PhoneNumbers.parse(raw)).isInstanceOfSatisfying(GatewayRejection.class, e -> {
            assertThat(e.kind()).isEqualTo(GatewayRejection.Kind.INVALID);
            assertThat(e.code()).isEqualTo("invalid_phone_number");
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
