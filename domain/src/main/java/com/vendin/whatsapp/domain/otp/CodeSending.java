package com.vendin.whatsapp.domain.otp;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import java.util.Objects;

/** What sending a code needs: the sender port, the platform account it sends from, and the template settings. */
public record CodeSending(VerificationCodeSender sender, PlatformAccount platform, OtpSettings settings) {
    public CodeSending {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(settings, "settings");
    }
}
