package com.vendin.whatsapp.domain.otp;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.otp.VerificationCode;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/** Sends a code from the platform number, as the configured template of the platform's provider or as text. */
final class CodeDelivery {
    private final VerificationCodeSender sender;
    private final PlatformAccount platform;
    private final OtpSettings settings;

    CodeDelivery(VerificationCodeSender sender, PlatformAccount platform, OtpSettings settings) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The platform's sending account, or a 503 {@code whatsapp_not_configured} rejection. */
    SenderAccount platformAccount() {
        Optional<SenderAccount> account = platform.provider() == Provider.FACEBOOK
                ? platform.metaPhoneId()
                        .flatMap(id -> platform.metaAccessToken().map(t -> SenderAccount.meta(id, t)))
                : platform.twilioFrom()
                        .flatMap(from -> platform.twilioAccountSid()
                                .flatMap(sid ->
                                        platform.twilioAuthToken().map(t -> SenderAccount.twilio(from, sid, t))));
        return account.orElseThrow(() -> new GatewayRejection(
                GatewayRejection.Kind.UNAVAILABLE,
                "whatsapp_not_configured",
                "The platform WhatsApp number is not configured, so no code can be sent."));
    }

    /** Sends {@code code}; a provider failure is a 502 {@code provider_error} carrying the provider's code. */
    void send(SenderAccount from, PhoneNumber to, String code, long validMinutes) {
        boolean meta = from.provider() == Provider.FACEBOOK;
        String text = code + " is your Vendin verification code. It expires in " + validMinutes + " minutes.";
        VerificationCode message = new VerificationCode(
                from,
                to.e164(),
                code,
                text,
                meta ? settings.metaTemplate() : Optional.empty(),
                settings.metaTemplateLanguage(),
                meta ? Optional.empty() : settings.twilioContentSid());
        SendOutcome outcome = sender.send(message);
        if (outcome instanceof SendOutcome.Failed failed) {
            throw new GatewayRejection(
                    GatewayRejection.Kind.PROVIDER_ERROR,
                    "provider_error",
                    "WhatsApp did not accept the verification code message (" + failed.code() + ").",
                    failed.code());
        }
    }
}
