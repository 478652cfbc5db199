package com.vendin.whatsapp.domain.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeHasherTest {
    private static final byte[] KEY = new byte[32];
    private static final TenantId MODA = new TenantId("moda-brasil");
    private static final PhoneNumber PHONE = new PhoneNumber("+5511999911111");

    private final CodeHasher hasher = new CodeHasher(KEY);

    @Test
    void givenNewCodesThenTheyAreSixDigitsAndVary() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> codes.add(hasher.newCode()));

        assertThat(codes).allMatch(code -> code.matches("[0-9]{6}"));
        assertThat(codes.size()).isGreaterThan(190);
    }

    @Test
    void givenAHashedCodeThenOnlyTheSameCodeTenantUserAndPhoneMatch() {
        String salt = hasher.newSalt();
        String hash = hasher.hash(salt, MODA, "user-1", PHONE, "123456");

        assertThat(hash).doesNotContain("123456").hasSize(64);
        assertThat(hasher.matches(hash, salt, MODA, "user-1", PHONE, "123456")).isTrue();
        assertThat(hasher.matches(hash, salt, MODA, "user-1", PHONE, "123457")).isFalse();
        assertThat(hasher.matches(hash, salt, new TenantId("tech-store"), "user-1", PHONE, "123456"))
                .isFalse();
        assertThat(hasher.matches(hash, salt, MODA, "user-2", PHONE, "123456")).isFalse();
        assertThat(hasher.matches(hash, salt, MODA, "user-1", new PhoneNumber("+5511999922222"), "123456"))
                .isFalse();
    }

    @Test
    void givenAnotherSaltOrKeyThenTheSameCodeHashesDifferently() {
        String salt = hasher.newSalt();
        String hash = hasher.hash(salt, MODA, "user-1", PHONE, "123456");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThat(hasher.hash(hasher.newSalt(), MODA, "user-1", PHONE, "123456"))
                .isNotEqualTo(hash);
        assertThat(new CodeHasher(otherKey).hash(salt, MODA, "user-1", PHONE, "123456"))
                .isNotEqualTo(hash);
        assertThatThrownBy(() -> new CodeHasher(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
