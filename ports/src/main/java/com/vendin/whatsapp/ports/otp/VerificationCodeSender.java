package com.vendin.whatsapp.ports.otp;

import com.vendin.whatsapp.ports.delivery.SendOutcome;

/** Sends a verification code over WhatsApp; never throws for provider or network failures, never logs the code. */
public interface VerificationCodeSender {
    SendOutcome send(VerificationCode message);
}
