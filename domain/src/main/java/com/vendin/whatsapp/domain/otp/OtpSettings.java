package com.vendin.whatsapp.domain.otp;

import java.util.Objects;
import java.util.Optional;

/**
 * How verification codes are sent: {@code WHATSAPP_OTP_TEMPLATE} / {@code WHATSAPP_OTP_TEMPLATE_LANGUAGE}
 * (Meta authentication template) and {@code TWILIO_OTP_CONTENT_SID} (Twilio content template); plain text without them.
 */
public record OtpSettings(
        Optional<String> metaTemplate, String metaTemplateLanguage, Optional<String> twilioContentSid) {
    public OtpSettings {
        Objects.requireNonNull(metaTemplate, "metaTemplate");
        Objects.requireNonNull(metaTemplateLanguage, "metaTemplateLanguage");
        Objects.requireNonNull(twilioContentSid, "twilioContentSid");
        if (metaTemplateLanguage.isBlank()) {
            throw new IllegalArgumentException("the template language must not be blank");
        }
    }
}
