package com.vendin.whatsapp.app.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.http.tenant.SignedTenantClient;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.TenantAgent;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.ports.health.HealthCheck;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import com.vendin.whatsapp.whatsapp.ProviderApiConfig;
import com.vendin.whatsapp.whatsapp.ProviderSender;
import com.vendin.whatsapp.whatsapp.ProviderTypingIndicator;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import com.vendin.whatsapp.whatsapp.media.MediaFetch;
import com.vendin.whatsapp.whatsapp.meta.GraphMediaUploader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/** The HTTP adapters: the Javalin server (webhooks, admin API), the tenant client and the provider senders. */
final class AdaptersModule extends AbstractModule {

    @Override
    protected void configure() {
        // Feature modules add their admin and webhook routes to this set.
        Multibinder.newSetBinder(binder(), RouteGroup.class);
    }

    @Provides
    @Singleton
    OkHttpClient okHttpClient() {
        return HttpClients.standard();
    }

    @Provides
    @Singleton
    WhatsAppSender whatsAppSender(OkHttpClient client, GatewayConfig config) {
        // Only a configured public URL is reachable by Twilio; the localhost default is not worth sending.
        Optional<String> statusCallback =
                config.publicUrl().map(url -> url.toString().replaceAll("/+$", "") + "/webhooks/whatsapp/twilio");
        return ProviderSender.create(
                client,
                new ProviderApiConfig(
                        config.meta().graphUrl().toString(),
                        config.twilio().apiUrl().toString(),
                        statusCallback));
    }

    @Provides
    @Singleton
    MediaFetch mediaFetch(OkHttpClient client) {
        return new MediaFetch(client);
    }

    @Provides
    @Singleton
    MediaProbe mediaProbe(MediaFetch fetch) {
        return fetch;
    }

    @Provides
    @Singleton
    MediaUploader mediaUploader(MediaFetch fetch, GatewayConfig config) {
        return new GraphMediaUploader(fetch, config.meta().graphUrl().toString());
    }

    @Provides
    @Singleton
    TypingIndicator typingIndicator(OkHttpClient client, GatewayConfig config) {
        return ProviderTypingIndicator.create(
                client,
                new ProviderApiConfig(
                        config.meta().graphUrl().toString(),
                        config.twilio().apiUrl().toString()));
    }

    @Provides
    @Singleton
    TenantAgent tenantAgent(OkHttpClient client, Clock clock, MediaLinks mediaLinks) {
        return new SignedTenantClient(client, clock, mediaLinks);
    }

    @Provides
    @Singleton
    GatewayHttpServer httpServer(
            GatewayConfig config,
            ReceiveWebhook receiveWebhook,
            ManageTenants manageTenants,
            BrowseMessages browseMessages,
            List<HealthCheck> healthChecks,
            Clock clock,
            Set<RouteGroup> featureRoutes) {
        HttpConfig http = new HttpConfig(
                config.port(), config.meta().appSecret(), config.meta().verifyToken(), config.adminToken());
        ObjectMapper mapper = GatewayHttpServer.SHARED_MAPPER;
        List<RouteGroup> groups = new ArrayList<>(GatewayHttpServer.coreGroups(
                http, mapper, receiveWebhook, manageTenants, browseMessages, healthChecks, clock));
        groups.addAll(featureRoutes);
        return new GatewayHttpServer(http, new ApiErrors(mapper), groups);
    }
}
