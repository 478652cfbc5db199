package com.vendin.whatsapp.app.demo;

import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A provider that sends nothing: it records each outbound message so the demo can show it. */
public final class SandboxSender implements WhatsAppSender {
    private static final int KEEP = 1000;

    /** One message the gateway would have sent. */
    public record Sent(String id, String from, String to, String text, Instant sentAt) {
        public Sent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    private final List<Sent> outbox = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public SandboxSender(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SendOutcome send(OutboundText message) {
        String id = "sandbox." + ids.incrementAndGet();
        String from = message.from().phoneId()
                .orElseGet(() -> message.from().number().map(PhoneNumber::e164).orElse(""));
        outbox.add(new Sent(id, from, message.to(), message.text(), clock.instant()));
        while (outbox.size() > KEEP) {
            outbox.remove(0);
        }
        return new SendOutcome.Accepted(id);
    }

    /** A rich reply part goes to the outbox as its type and summary ({@code [image] caption}). */
    @Override
    public SendOutcome send(OutboundMessage message) {
        return send(new OutboundText(message.from(), message.to(),
                "[" + message.content().type() + "] " + message.content().summary(), message.correlationId()));
    }

    /** What was "sent", oldest first. */
    public List<Sent> outbox() {
        return List.copyOf(outbox);
    }
}
