package com.vendin.whatsapp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    @Test
    void defaultsAreEightAttemptsAndTwentyMessagesPerMinute() {
        assertThat(DeliverySettings.defaults()).isEqualTo(new DeliverySettings(8, 20));
    }

    @Test
    void settingsBelowOneAreRejected() {
        assertThatThrownBy(() -> new DeliverySettings(0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliverySettings(8, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void platformTwilioSidAndTokenGoTogetherAndBlankIdsAreRejected() {
        assertThatThrownBy(() -> new PlatformAccount(
                        Provider.TWILIO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("ACmain"),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformAccount(
                        Provider.FACEBOOK,
                        Optional.of(" "),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void platformAccountNeverPrintsItsTokens() {
        PlatformAccount platform = new PlatformAccount(
                Provider.FACEBOOK,
                Optional.of("1"),
                Optional.empty(),
                Optional.of(new Secret("meta-very-secret")),
                Optional.empty(),
                Optional.of("ACmain"),
                Optional.of(new Secret("twilio-very-secret")));

        assertThat(platform.toString()).doesNotContain("meta-very-secret", "twilio-very-secret");
    }
}
