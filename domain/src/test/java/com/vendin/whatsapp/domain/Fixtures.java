package com.vendin.whatsapp.domain;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Builders for the records domain tests need. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    public static final String PLATFORM_PHONE_ID = "100000000000001";
    public static final PhoneNumber PLATFORM_META_NUMBER = new PhoneNumber("+5511940041111");
    public static final PhoneNumber PLATFORM_TWILIO_NUMBER = new PhoneNumber("+14155238886");
    public static final Secret PLATFORM_META_TOKEN = new Secret("platform-meta-token");
    public static final String MAIN_TWILIO_SID = "AC00000000000000000000000000000000";
    public static final Secret MAIN_TWILIO_TOKEN = new Secret("main-twilio-token");

    private Fixtures() {}

    public static PlatformAccount platform() {
        return new PlatformAccount(
                Provider.FACEBOOK,
                Optional.of(PLATFORM_PHONE_ID),
                Optional.of(PLATFORM_META_NUMBER),
                Optional.of(PLATFORM_META_TOKEN),
                Optional.of(PLATFORM_TWILIO_NUMBER),
                Optional.of(MAIN_TWILIO_SID),
                Optional.of(MAIN_TWILIO_TOKEN));
    }

    public static WhatsAppNumber metaNumber(String e164, String phoneId, Optional<String> token) {
        return new WhatsAppNumber(
                new PhoneNumber(e164),
                Optional.of(phoneId),
                Provider.FACEBOOK,
                token.map(Secret::new),
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.empty());
    }

    public static WhatsAppNumber twilioNumber(String e164, Optional<String> sid, Optional<String> token) {
        return new WhatsAppNumber(
                new PhoneNumber(e164),
                Optional.empty(),
                Provider.TWILIO,
                Optional.empty(),
                sid,
                token.map(Secret::new),
                NumberStatus.ACTIVE,
                Optional.empty());
    }

    public static Tenant tenant(String id, Optional<WhatsAppNumber> whatsapp) {
        return new Tenant(
                new TenantId(id),
                id,
                URI.create("http://" + id + ".internal:3000"),
                new Secret("instance-secret-" + id),
                whatsapp,
                T0,
                T0);
    }

    public static AdminPhone admin(String tenantId, String e164) {
        return new AdminPhone(
                "admin-" + e164, new TenantId(tenantId), "user-1", new PhoneNumber(e164), "owner", T0, T0);
    }

    /** A Meta text message: sender as bare digits, destination phone id and display number. */
    public static InboundMessage meta(String id, String fromDigits, String phoneId, String displayNumber) {
        return new InboundMessage(
                Provider.FACEBOOK,
                id,
                fromDigits,
                new Destination(Optional.of(phoneId), displayNumber),
                T0,
                MessageContent.text("hello " + id),
                Optional.of("Ana"));
    }

    /** A Twilio text message: {@code whatsapp:+...} on both sides. */
    public static InboundMessage twilio(String id, String fromE164, String toE164) {
        return new InboundMessage(
                Provider.TWILIO,
                id,
                "whatsapp:" + fromE164,
                new Destination(Optional.empty(), "whatsapp:" + toE164),
                T0,
                MessageContent.text("hello " + id),
                Optional.empty());
    }
}
