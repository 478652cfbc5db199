package com.vendin.whatsapp.app.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import java.time.Clock;

/** Overrides the provider sender with the sandbox and adds the demo's agents and outbox routes. */
public final class DemoModule extends AbstractModule {

    @Provides
    @Singleton
    SandboxSender sandboxSender(Clock clock) {
        return new SandboxSender(clock);
    }

    @Provides
    @Singleton
    WhatsAppSender whatsAppSender(SandboxSender sandbox) {
        return sandbox;
    }

    /** Nothing reaches a provider in the demo: no typing indicator, and media are "uploaded" by name. */
    @Provides
    @Singleton
    TypingIndicator typingIndicator() {
        return (from, messageId) -> { };
    }

    @Provides
    @Singleton
    MediaUploader mediaUploader() {
        return (from, media) -> new MediaUploader.Uploaded("sandbox-media");
    }

    @ProvidesIntoSet
    RouteGroup demoRoutes(SandboxSender sandbox) {
        return new DemoRoutes(sandbox, GatewayHttpServer.SHARED_MAPPER);
    }
}
