package com.vendin.whatsapp.ports.delivery;

/** Sends one text, or one reply part of any kind, through a provider; never throws for provider or network failures. */
public interface WhatsAppSender {
    SendOutcome send(OutboundText message);

    /** Sends one reply part; a sender that knows only text sends text parts and refuses the others. */
    default SendOutcome send(OutboundMessage message) {
        if (message.content() instanceof OutboundContent.Text text) {
            return send(new OutboundText(message.from(), message.to(), text.text(), message.correlationId()));
        }
        return new SendOutcome.Failed(
                "unsupported", "this sender cannot send " + message.content().type() + " items", false, false);
    }
}
