package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.inbound.TwilioSigningKeyService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.http.twilio.TwilioWebhookRoutes;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.TwilioSigningKeys;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import java.time.Clock;

/** Twilio inbound: the webhook route and the use case that picks the token signing each request. */
final class TwilioModule extends AbstractModule {

    @Provides
    @Singleton
    TwilioSigningKeys twilioSigningKeys(TenantDirectory directory, PlatformAccount platform) {
        return new TwilioSigningKeyService(directory, platform);
    }

    @ProvidesIntoSet
    @Singleton
    RouteGroup twilioWebhook(GatewayConfig config, TwilioSigningKeys keys, ReceiveWebhook receiver, Clock clock) {
        return new TwilioWebhookRoutes(
                config.publicUrl(),
                HttpConfig.DEFAULT_MAX_WEBHOOK_BYTES,
                keys,
                receiver,
                GatewayHttpServer.SHARED_MAPPER,
                new ApiErrors(GatewayHttpServer.SHARED_MAPPER),
                clock);
    }
}
