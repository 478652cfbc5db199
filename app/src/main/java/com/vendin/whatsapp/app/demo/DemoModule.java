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
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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
        return (from, messageId) -> {};
    }

    @Provides
    @Singleton
    MediaUploader mediaUploader() {
        return (from, media) -> new MediaUploader.Uploaded("sandbox-media");
    }

    @Provides
    @Singleton
    DemoStores demoStores() {
        return new DemoStores();
    }

    /** Tech Store's agent's late replies, on a daemon thread of their own (the demo stops with its JVM). */
    @Provides
    @Singleton
    LateReplies lateReplies(DemoStores stores, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-late-replies");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new LateReplies(stores, http, scheduler, clock, GatewayHttpServer.SHARED_MAPPER, LateReplies.DELAY);
    }

    @ProvidesIntoSet
    RouteGroup demoRoutes(SandboxSender sandbox, DemoStores stores, LateReplies late) {
        return new DemoRoutes(sandbox, GatewayHttpServer.SHARED_MAPPER, stores, late);
    }
}
