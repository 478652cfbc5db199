package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.domain.numbers.EmbeddedSignupService;
import com.vendin.whatsapp.domain.numbers.NumberPoolService;
import com.vendin.whatsapp.domain.numbers.TwilioNumberService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.NumberPoolRoutes;
import com.vendin.whatsapp.http.admin.ProvisioningRoutes;
import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.numbers.JdbiNumberPool;
import com.vendin.whatsapp.persistence.numbers.JdbiProvisioningStore;
import com.vendin.whatsapp.ports.numbers.EmbeddedSignup;
import com.vendin.whatsapp.ports.numbers.ManageNumberPool;
import com.vendin.whatsapp.ports.numbers.MetaOnboarding;
import com.vendin.whatsapp.ports.numbers.NumberPool;
import com.vendin.whatsapp.ports.numbers.ProvisionTwilioNumber;
import com.vendin.whatsapp.ports.numbers.ProvisioningStore;
import com.vendin.whatsapp.ports.numbers.TwilioNumbers;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.whatsapp.meta.GraphOnboardingClient;
import com.vendin.whatsapp.whatsapp.twilio.TwilioNumbersClient;
import java.net.URI;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Provisioning of store numbers (CONTRACT §5.3): the number pool, Embedded Signup and Twilio subaccounts. */
final class NumbersModule extends AbstractModule {
    static final String TWILIO_WEBHOOK_PATH = "/webhooks/whatsapp/twilio";

    @Provides
    @Singleton
    NumberPool numberPool(Database db) {
        return new JdbiNumberPool(db);
    }

    @Provides
    @Singleton
    ProvisioningStore provisioningStore(Database db, CredentialCipher cipher) {
        return new JdbiProvisioningStore(db, cipher);
    }

    @Provides
    @Singleton
    MetaOnboarding metaOnboarding(OkHttpClient client, GatewayConfig config) {
        return new GraphOnboardingClient(
                client,
                config.meta().graphUrl().toString(),
                config.meta().appId(),
                config.meta().appSecret());
    }

    @Provides
    @Singleton
    TwilioNumbers twilioNumbers(OkHttpClient client, GatewayConfig config) {
        return new TwilioNumbersClient(
                client,
                config.twilio().apiUrl().toString(),
                config.twilio().accountSid(),
                config.twilio().authToken());
    }

    @Provides
    @Singleton
    ManageNumberPool manageNumberPool(NumberPool pool, Clock clock) {
        return new NumberPoolService(pool, clock);
    }

    @Provides
    @Singleton
    EmbeddedSignup embeddedSignup(
            TenantRepository tenants,
            TenantDirectory directory,
            MetaOnboarding meta,
            ProvisioningStore store,
            Clock clock) {
        return new EmbeddedSignupService(tenants, directory, meta, store, clock);
    }

    /** The number's {@code SmsUrl} is read when a number is bought, once the server knows its port. */
    @Provides
    @Singleton
    ProvisionTwilioNumber provisionTwilioNumber(
            TenantRepository tenants,
            TwilioNumbers twilio,
            ProvisioningStore store,
            GatewayConfig config,
            Provider<GatewayHttpServer> server,
            Clock clock) {
        return new TwilioNumberService(
                tenants,
                twilio,
                store,
                () -> twilioWebhook(config.publicUrlFor(server.get().port())),
                clock);
    }

    @ProvidesIntoSet
    RouteGroup poolRoutes(ManageNumberPool pool) {
        return new NumberPoolRoutes(pool, GatewayHttpServer.SHARED_MAPPER);
    }

    @ProvidesIntoSet
    RouteGroup provisioningRoutes(EmbeddedSignup signup, ProvisionTwilioNumber twilio) {
        return new ProvisioningRoutes(signup, twilio, GatewayHttpServer.SHARED_MAPPER);
    }

    static URI twilioWebhook(URI publicUrl) {
        String base = publicUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + TWILIO_WEBHOOK_PATH);
    }
}
