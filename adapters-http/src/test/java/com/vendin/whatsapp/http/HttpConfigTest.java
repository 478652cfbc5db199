package com.vendin.whatsapp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpConfigTest {

    @Test
    void givenNoLimitThenWebhookBodiesMayBeFourMebibytes() {
        HttpConfig config = new HttpConfig(8080, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(config.maxWebhookBytes()).isEqualTo(4L * 1024 * 1024);
    }

    @Test
    void givenABlankVerifyTokenThenItCountsAsUnset() {
        HttpConfig config = new HttpConfig(0, Optional.empty(), Optional.of("  "), Optional.empty());

        assertThat(config.facebookVerifyToken()).isEmpty();
    }

    @Test
    void givenAPortOutOfRangeThenRejected() {
        assertThatThrownBy(() -> new HttpConfig(70_000, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpConfig(-1, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsSecrets() {
        HttpConfig config = new HttpConfig(
                0,
                Optional.of(new Secret("app-secret-x")),
                Optional.of("verify-y"),
                Optional.of(new Secret("admin-z")));

        assertThat(config.toString())
                .doesNotContain("app-secret-x", "verify-y", "admin-z")
                .contains("port=0");
    }
}
