package com.vendin.whatsapp.ports.otp;

import com.vendin.whatsapp.ports.delivery.SenderAccount;
import java.util.Objects;
import java.util.Optional;

/**
 * A verification code to send from {@code from} to {@code to}: as Meta's authentication template
 * {@code metaTemplate} (with {@code language}) when present, as the Twilio content template
 * {@code twilioContentSid} when present, else as the plain {@code text}. Never shows the code in {@code toString}.
 */
public record VerificationCode(
        SenderAccount from,
        String to,
        String code,
        String text,
        Optional<String> metaTemplate,
        String language,
        Optional<String> twilioContentSid) {
    public VerificationCode {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metaTemplate, "metaTemplate");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(twilioContentSid, "twilioContentSid");
    }

    @Override
    public String toString() {
        return "VerificationCode[" + from + " to=" + to + " code=***]";
    }
}
