package com.vendin.whatsapp.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacTest {

    @Test
    void sha256HexMatchesTheKnownVector() {
        String hex = Hmac.sha256Hex(
                "key".getBytes(StandardCharsets.UTF_8),
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

        assertThat(hex).isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void constantTimeEqualsAcceptsOnlyTheSameText() {
        assertThat(Hmac.constantTimeEquals("token", "token")).isTrue();
        assertThat(Hmac.constantTimeEquals("token", "tokeN")).isFalse();
        assertThat(Hmac.constantTimeEquals("token", "token-longer")).isFalse();
        assertThat(Hmac.constantTimeEquals("token", "")).isFalse();
        assertThat(Hmac.constantTimeEquals("token", null)).isFalse();
    }
}
