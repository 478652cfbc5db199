package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.metrics.GatewayMetrics;
import com.vendin.whatsapp.app.metrics.MeteredDeliveryQueue;
import com.vendin.whatsapp.app.metrics.MeteredReceiveWebhook;
import com.vendin.whatsapp.app.metrics.MeteredSender;
import com.vendin.whatsapp.app.worker.WorkerSizes;
import com.vendin.whatsapp.domain.DeliverySettings;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.delivery.DeliveryService;
import com.vendin.whatsapp.domain.delivery.FairShare;
import com.vendin.whatsapp.domain.delivery.ReplySender;
import com.vendin.whatsapp.domain.delivery.RetryPolicy;
import com.vendin.whatsapp.domain.delivery.TypingKeeper;
import com.vendin.whatsapp.domain.inbound.WebhookReceiver;
import com.vendin.whatsapp.domain.query.MessageBrowser;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.domain.tenants.TenantService;
import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.delivery.SendReplies;
import com.vendin.whatsapp.ports.delivery.TenantAgent;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.RateLimiter;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.StandbyLog;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The use cases: the domain services that implement the inbound ports over the outbound ones. */
final class DomainModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(DomainModule.class);
    private static final int TYPING_CALLERS = 4;
    private static final int TYPING_QUEUE = 512;

    @Provides
    @Singleton
    PlatformAccount platformAccount(GatewayConfig config) {
        GatewayConfig.Meta meta = config.meta();
        GatewayConfig.Twilio twilio = config.twilio();
        return new PlatformAccount(
                config.platformProvider(),
                meta.platformPhoneId(),
                meta.platformNumber(),
                meta.platformAccessToken(),
                twilio.whatsappFrom(),
                twilio.accountSid(),
                twilio.authToken());
    }

    @Provides
    @Singleton
    DeliverySettings deliverySettings(GatewayConfig config) {
        return new DeliverySettings(config.deliveryMaxAttempts(), config.rateLimitPerMinute());
    }

    @Provides
    @Singleton
    RetryPolicy retryPolicy(DeliverySettings settings) {
        return new RetryPolicy(settings.maxAttempts());
    }

    @Provides
    @Singleton
    ReceiveWebhook receiveWebhook(
            @MessagePath TenantDirectory directory,
            PlatformAccount platform,
            PersonDirectory persons,
            Inbox inbox,
            StandbyLog standby,
            RateLimiter rateLimiter,
            WorkNotifier notifier,
            DeliverySettings settings,
            Clock clock,
            GatewayMetrics metrics) {
        return new MeteredReceiveWebhook(
                new WebhookReceiver(
                        new Router(directory, platform, persons),
                        inbox,
                        rateLimiter,
                        notifier,
                        standby,
                        settings,
                        clock),
                metrics);
    }

    @Provides
    @Singleton
    ManageTenants manageTenants(TenantRepository repository, TenantDirectory directory, Clock clock) {
        return new TenantService(repository, directory, clock);
    }

    @Provides
    @Singleton
    BrowseMessages browseMessages(TenantRepository repository, MessageQueries queries, MediaLinks links, Clock clock) {
        return new MessageBrowser(repository, queries, links, clock);
    }

    @Provides
    @Singleton
    TypingSettings typingSettings(GatewayConfig config) {
        return new TypingSettings(config.typingIndicator(), TypingKeeper.DEFAULT_INTERVAL);
    }

    /** Renewals are scheduled on one thread; the indicator calls run on a small pool of their own (CONTRACT §3.5). */
    @Provides
    @Singleton
    TypingKeeper typingKeeper(TypingSettings settings, TypingIndicator indicator, PlatformAccount platform) {
        if (!settings.enabled()) {
            return TypingKeeper.off();
        }
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon("typing-schedule"));
        ThreadPoolExecutor calls = new ThreadPoolExecutor(
                TYPING_CALLERS,
                TYPING_CALLERS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(TYPING_QUEUE),
                daemon("typing-call"));
        calls.allowCoreThreadTimeOut(true);
        return TypingKeeper.on(indicator, platform, ticks, calls, settings.interval());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Provides
    @Singleton
    DeliverToTenants deliverToTenants(
            DeliveryQueue queue,
            @MessagePath TenantRepository tenants,
            TenantAgent agent,
            RetryPolicy retry,
            WorkNotifier notifier,
            Clock clock,
            GatewayMetrics metrics,
            MediaProbe media,
            TypingKeeper typing,
            WorkerSizes sizes) {
        FairShare share = FairShare.forWorkers(sizes.delivery(), DeliveryService.DEFAULT_PER_TENANT_IN_FLIGHT);
        LOG.info(
                "delivery: a tenant answering within {} s may hold {} workers; the others (slow, hanging, failing or "
                        + "not heard from lately) {} each and {} of the {} together",
                FairShare.SLOW_CALL.toSeconds(),
                share.perTenant(),
                share.othersPerTenant(),
                share.othersShare(),
                sizes.delivery());
        return new DeliveryService(
                new MeteredDeliveryQueue(queue, metrics), tenants, agent, retry, notifier, clock, share, media, typing);
    }

    @Provides
    @Singleton
    SendReplies sendReplies(
            OutboundQueue queue,
            @MessagePath TenantRepository tenants,
            WhatsAppSender sender,
            PlatformAccount platform,
            RetryPolicy retry,
            Clock clock,
            GatewayMetrics metrics,
            MediaUploader uploader) {
        return new ReplySender(queue, tenants, new MeteredSender(sender, metrics), platform, retry, clock, uploader);
    }
}
