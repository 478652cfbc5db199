package com.vendin.whatsapp.domain.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.EmbeddedSignup.Command;
import com.vendin.whatsapp.ports.numbers.MetaOnboarding;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedSignupServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final TenantId MODA = new TenantId("moda");
    private static final Command COMMAND = new Command("code", "pid", "waba", Optional.empty());

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryProvisioning store = new InMemoryProvisioning(tenants);
    private final ScriptedMeta meta = new ScriptedMeta();
    private final EmbeddedSignupService service =
            new EmbeddedSignupService(tenants, tenants, meta, store, Clock.fixed(T0, ZoneOffset.UTC));

    @BeforeEach
    void tenant() {
        tenants.insert(new Tenant(
                MODA, "moda", URI.create("https://moda.example.com"), new Secret("s"), Optional.empty(), T0, T0));
    }

    @Test
    void givenAFailureAtAnyStepWhenSignupRunsThenLaterStepsAreNotCalledAndNothingIsStored() {
        for (int failing = 0; failing < 4; failing++) {
            meta.steps.clear();
            meta.failAt = failing;

            assertThatThrownBy(() -> service.complete(MODA, COMMAND)).isInstanceOf(GatewayRejection.class);

            assertThat(meta.steps).hasSize(failing + 1);
            assertThat(store.stores).isZero();
        }
    }

    @Test
    void givenNoPinWhenSignupSucceedsThenARandomSixDigitPinIsRegisteredAndKept() {
        meta.failAt = -1;

        service.complete(MODA, COMMAND);

        assertThat(meta.steps).containsExactly("exchange", "details", "subscribe", "register");
        assertThat(meta.pin).matches("[0-9]{6}");
        assertThat(store.registrationPin(MODA)).contains(new Secret(meta.pin));
        assertThat(tenants.findById(MODA)
                        .orElseThrow()
                        .whatsapp()
                        .orElseThrow()
                        .phoneNumber()
                        .e164())
                .isEqualTo("+5511955551234");
    }

    /** Meta as a script that fails at one step (-1: none). */
    private static final class ScriptedMeta implements MetaOnboarding {
        final List<String> steps = new ArrayList<>();
        int failAt = -1;
        String pin;

        private void step(String name) {
            steps.add(name);
            if (steps.size() - 1 == failAt) {
                throw new GatewayRejection(GatewayRejection.Kind.PROVIDER_ERROR, "provider_error", name, "100");
            }
        }

        @Override
        public Secret exchangeCode(String code) {
            step("exchange");
            return new Secret("business-token");
        }

        @Override
        public PhoneDetails phoneDetails(String phoneNumberId, Secret token) {
            step("details");
            return new PhoneDetails("55 11 95555-1234", "Moda");
        }

        @Override
        public void subscribeApp(String wabaId, Secret token) {
            step("subscribe");
        }

        @Override
        public void register(String phoneNumberId, Secret pin, Secret token) {
            step("register");
            this.pin = pin.reveal();
        }
    }
}
