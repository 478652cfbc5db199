package com.vendin.whatsapp.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.tenant.SignatureVerifier.Result;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final long NOW = 1_795_000_000L;
    private static final String SECRET = "s3cr3t-é";
    private static final byte[] BODY = "{\"message\":\"Olá\"}".getBytes(StandardCharsets.UTF_8);
    /** Computed outside Java: python3 hmac.new("s3cr3t-é".encode(), b'1795000000.{"message":"Olá"}', sha256). */
    private static final String VECTOR = "v1=aaaec32cde207066275650de6d42b97718e331374443d34c9de76c94b67a280a";

    private final SignatureVerifier verifier = verifierAt(NOW);

    @Test
    void signerMatchesAVectorComputedByAnotherImplementation() {
        assertThat(new Signer(SECRET).sign(NOW, BODY)).isEqualTo(VECTOR);
    }

    @Test
    void acceptsTheGatewaysSignatureOverTheRawBody() {
        assertThat(verifier.verify("1795000000", VECTOR, BODY)).isEqualTo(Result.VALID);
        assertThat(verifier.verify("1795000000", VECTOR.toUpperCase().replace("V1=", "v1="), BODY))
                .isEqualTo(Result.VALID);
    }

    @Test
    void rejectsATamperedBodyAWrongSecretAndAnotherTimestamp() {
        byte[] tampered = "{\"message\":\"Olá!\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify("1795000000", VECTOR, tampered)).isEqualTo(Result.WRONG_SIGNATURE);
        assertThat(new SignatureVerifier("other", Duration.ofSeconds(300), clockAt(NOW))
                        .verify("1795000000", VECTOR, BODY))
                .isEqualTo(Result.WRONG_SIGNATURE);
        assertThat(verifier.verify("1795000001", VECTOR, BODY)).isEqualTo(Result.WRONG_SIGNATURE);
    }

    @Test
    void acceptsTimestampsUpToThreeHundredSecondsAwayEitherWay() {
        Signer signer = new Signer(SECRET);
        for (long ts : new long[] {NOW - 300, NOW + 300}) {
            assertThat(verifier.verify(Long.toString(ts), signer.sign(ts, BODY), BODY))
                    .isEqualTo(Result.VALID);
        }
        for (long ts : new long[] {NOW - 301, NOW + 301, 0}) {
            assertThat(verifier.verify(Long.toString(ts), signer.sign(ts, BODY), BODY))
                    .isEqualTo(Result.STALE_TIMESTAMP);
        }
    }

    @Test
    void malformedOrMissingHeadersAreRejectedWithoutThrowing() {
        assertThat(verifier.verify(null, VECTOR, BODY)).isEqualTo(Result.MISSING_HEADER);
        assertThat(verifier.verify("1795000000", null, BODY)).isEqualTo(Result.MISSING_HEADER);
        assertThat(verifier.verify("", VECTOR, BODY)).isEqualTo(Result.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify("-5", VECTOR, BODY)).isEqualTo(Result.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify("1795000000.5", VECTOR, BODY)).isEqualTo(Result.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify("99999999999999999999", VECTOR, BODY)).isEqualTo(Result.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify("1795000000", VECTOR.substring(3), BODY)).isEqualTo(Result.MALFORMED_SIGNATURE);
        assertThat(verifier.verify("1795000000", "v1=abc", BODY)).isEqualTo(Result.MALFORMED_SIGNATURE);
        assertThat(verifier.verify("1795000000", "v2=" + VECTOR.substring(3), BODY))
                .isEqualTo(Result.MALFORMED_SIGNATURE);
        assertThat(verifier.verify("1795000000", VECTOR.substring(0, 66) + "zz", BODY))
                .isEqualTo(Result.MALFORMED_SIGNATURE);
    }

    @Test
    void readsHeadersInAnyCase() {
        Map<String, List<String>> headers =
                Map.of("x-vendin-timestamp", List.of("1795000000"), "X-VENDIN-SIGNATURE", List.of(VECTOR));
        assertThat(verifier.verify(headers, BODY)).isEqualTo(Result.VALID);
        assertThat(verifier.isValid(headers, BODY)).isTrue();
        assertThat(verifier.verify(Map.of("X-Vendin-Timestamp", List.of("1795000000")), BODY))
                .isEqualTo(Result.MISSING_HEADER);
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new SignatureVerifier("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static SignatureVerifier verifierAt(long epochSecond) {
        return new SignatureVerifier(SECRET, Duration.ofSeconds(300), clockAt(epochSecond));
    }

    private static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
