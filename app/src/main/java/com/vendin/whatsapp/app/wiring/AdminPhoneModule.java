package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.config.SecretKeyFile;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.otp.AdminPhoneRegistration;
import com.vendin.whatsapp.domain.otp.CodeSending;
import com.vendin.whatsapp.domain.otp.OtpSettings;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.AdminPhoneRoutes;
import com.vendin.whatsapp.persistence.otp.InProcessOtpStore;
import com.vendin.whatsapp.persistence.otp.RedisOtpStore;
import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.otp.RegisterAdminPhone;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.whatsapp.ProviderApiConfig;
import com.vendin.whatsapp.whatsapp.ProviderVerificationSender;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;
import redis.clients.jedis.JedisPooled;

/** Admin phone registration (CONTRACT §5.2): the use case, its OTP store (Redis or in-process), code sender and routes. */
final class AdminPhoneModule extends AbstractModule {
    static final String REDIS_PREFIX = "wgw:";

    @Provides
    @Singleton
    OtpStore otpStore(Optional<JedisPooled> redis) {
        return redis.<OtpStore>map(client -> new RedisOtpStore(client, REDIS_PREFIX))
                .orElseGet(InProcessOtpStore::new);
    }

    @Provides
    @Singleton
    VerificationCodeSender verificationCodeSender(OkHttpClient client, GatewayConfig config) {
        return ProviderVerificationSender.create(
                client,
                new ProviderApiConfig(
                        config.meta().graphUrl().toString(),
                        config.twilio().apiUrl().toString()));
    }

    @Provides
    @Singleton
    RegisterAdminPhone registerAdminPhone(
            GatewayConfig config,
            TenantRepository tenants,
            TenantDirectory directory,
            AdminPhoneRepository adminPhones,
            OtpStore store,
            VerificationCodeSender sender,
            PlatformAccount platform,
            Clock clock) {
        GatewayConfig.Otp otp = config.otp();
        OtpSettings settings = new OtpSettings(otp.metaTemplate(), otp.metaTemplateLanguage(), otp.twilioContentSid());
        return new AdminPhoneRegistration(
                tenants,
                directory,
                adminPhones,
                store,
                new CodeSending(sender, platform, settings),
                SecretKeyFile.resolve(config),
                clock);
    }

    @ProvidesIntoSet
    RouteGroup adminPhoneRoutes(RegisterAdminPhone registration) {
        return new AdminPhoneRoutes(registration, GatewayHttpServer.SHARED_MAPPER);
    }
}
