package com.vendin.whatsapp.ports.delivery;

/** Sends one text through a provider; never throws for provider or network failures. */
public interface WhatsAppSender {
    SendOutcome send(OutboundText message);
}
