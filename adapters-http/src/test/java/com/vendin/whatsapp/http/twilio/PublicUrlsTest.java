package com.vendin.whatsapp.http.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The URL a Twilio signature is checked over, and its port variants. */
class PublicUrlsTest {

    @Test
    void basePathAndRawQueryAreJoinedWithoutDoublingTheSlash() {
        assertThat(PublicUrls.requested("https://gw.example.com/", "/webhooks/whatsapp/twilio", Optional.of("a=1%202")))
                .isEqualTo("https://gw.example.com/webhooks/whatsapp/twilio?a=1%202");
        assertThat(PublicUrls.requested("http://localhost:8080", "/webhooks/whatsapp/twilio", Optional.empty()))
                .isEqualTo("http://localhost:8080/webhooks/whatsapp/twilio");
    }

    @Test
    void aUrlWithoutPortAlsoTriesTheDefaultPort() {
        assertThat(PublicUrls.portVariants("https://gw.example.com/x?y=1"))
                .containsExactly("https://gw.example.com/x?y=1", "https://gw.example.com:443/x?y=1");
        assertThat(PublicUrls.portVariants("http://gw.example.com/x"))
                .containsExactly("http://gw.example.com/x", "http://gw.example.com:80/x");
    }

    @Test
    void aUrlWithAPortAlsoTriesItWithoutUserInfoAndFragmentNeverCount() {
        assertThat(PublicUrls.portVariants("http://user:pass@gw.example.com:8080/x?y=1#rc=3"))
                .containsExactly("http://gw.example.com:8080/x?y=1", "http://gw.example.com/x?y=1");
        assertThat(PublicUrls.portVariants("http://[::1]:8080/x"))
                .containsExactly("http://[::1]:8080/x", "http://[::1]/x");
    }
}
