package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.config.SecretKeyFile;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.media.MediaService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.media.MediaRoutes;
import com.vendin.whatsapp.ports.media.FetchMedia;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.media.MediaSource;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.whatsapp.ProviderApiConfig;
import com.vendin.whatsapp.whatsapp.media.ProviderMediaSource;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Media for tenants (CONTRACT §3.3): links signed with a key derived from the gateway's secret key, under
 * {@code GATEWAY_PUBLIC_URL} (else the address the server listens on, read once it is bound), the
 * {@code /media/{token}} route and the provider clients that stream the bytes.
 */
final class MediaModule extends AbstractModule {

    @Provides
    @Singleton
    MediaSource mediaSource(OkHttpClient client, GatewayConfig config) {
        return new ProviderMediaSource(
                client,
                new ProviderApiConfig(
                        config.meta().graphUrl().toString(),
                        config.twilio().apiUrl().toString()));
    }

    @Provides
    @Singleton
    MediaService mediaService(
            GatewayConfig config,
            Provider<GatewayHttpServer> server,
            @MessagePath TenantRepository tenants,
            PlatformAccount platform,
            MediaSource source,
            Clock clock) {
        return new MediaService(
                SecretKeyFile.resolve(config),
                () -> config.publicUrlFor(server.get().port()),
                tenants,
                platform,
                source,
                clock);
    }

    @Provides
    @Singleton
    MediaLinks mediaLinks(MediaService service) {
        return service;
    }

    @Provides
    @Singleton
    FetchMedia fetchMedia(MediaService service) {
        return service;
    }

    @ProvidesIntoSet
    RouteGroup mediaRoutes(FetchMedia media) {
        return new MediaRoutes(media, GatewayHttpServer.SHARED_MAPPER);
    }
}
