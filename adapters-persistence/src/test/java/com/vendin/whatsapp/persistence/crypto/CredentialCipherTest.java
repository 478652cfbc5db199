package com.vendin.whatsapp.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final byte[] KEY = key((byte) 1);

    @Test
    void givenTokenWhenEncryptedAndDecryptedThenSameTextBack() {
        CredentialCipher cipher = new CredentialCipher(KEY);

        String stored = cipher.encrypt("EAAG-token-ção");

        assertThat(stored).startsWith("v1:").doesNotContain("EAAG");
        assertThat(cipher.decrypt(stored)).isEqualTo("EAAG-token-ção");
    }

    @Test
    void givenSameTokenWhenEncryptedTwiceThenNoncesAndCiphertextsDiffer() {
        CredentialCipher cipher = new CredentialCipher(KEY);

        String first = cipher.encrypt("same");
        String second = cipher.encrypt("same");

        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.substring(3));
        byte[] b = Base64.getDecoder().decode(second.substring(3));
        assertThat(a).hasSize(12 + 4 + 16);
        assertThat(Arrays.copyOf(a, 12)).isNotEqualTo(Arrays.copyOf(b, 12));
    }

    @Test
    void givenKeyOfWrongLengthWhenCipherIsMadeThenRejected() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredentialCipher.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenBase64KeyWhenCipherIsMadeThenItDecryptsWhatTheRawKeyEncrypted() {
        String stored = new CredentialCipher(KEY).encrypt("t");

        assertThat(CredentialCipher.fromBase64(Base64.getEncoder().encodeToString(KEY))
                        .decrypt(stored))
                .isEqualTo("t");
    }

    @Test
    void givenOneFlippedBitWhenDecryptedThenFailsLoudly() {
        CredentialCipher cipher = new CredentialCipher(KEY);
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("secret-token").substring(3));
        for (int position : new int[] {0, 12, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[position] ^= 1;

            assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(tampered)))
                    .isInstanceOf(CorruptCredentialException.class);
        }
    }

    @Test
    void givenValueFromAnotherKeyOrMalformedWhenDecryptedThenFailsLoudly() {
        String stored = new CredentialCipher(key((byte) 2)).encrypt("secret-token");
        CredentialCipher cipher = new CredentialCipher(KEY);

        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(CorruptCredentialException.class);
        assertThatThrownBy(() -> cipher.decrypt("secret-token")).isInstanceOf(CorruptCredentialException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:%%%")).isInstanceOf(CorruptCredentialException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(CorruptCredentialException.class);
    }

    @Test
    void givenCipherWhenPrintedThenNoKeyMaterial() {
        assertThat(new CredentialCipher(KEY).toString())
                .doesNotContain(Base64.getEncoder().encodeToString(KEY))
                .contains("***");
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        key[0] = 42;
        return key;
    }
}
