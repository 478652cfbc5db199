package com.vendin.whatsapp.app.demo;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** A provider that sends nothing: it records each outbound message so the demo can show it. */
public final class SandboxSender implements WhatsAppSender {
    private static final int KEEP = 1000;

    /**
     * One message the gateway would have sent: its {@code type} ({@code text}, {@code image}, {@code buttons}, ...),
     * a readable {@code text} of it ({@link #describe}) and the correlation id of its part.
     */
    public record Sent(
            String id,
            String from,
            String to,
            String type,
            String text,
            Optional<String> correlationId,
            Instant sentAt) {
        public Sent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(correlationId, "correlationId");
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
        return record(message.from(), message.to(), "text", message.text(), message.correlationId());
    }

    /** A rich reply part goes to the outbox as its type and a readable line ({@link #describe}). */
    @Override
    public SendOutcome send(OutboundMessage message) {
        return record(
                message.from(),
                message.to(),
                message.content().type(),
                describe(message.content()),
                message.correlationId());
    }

    private SendOutcome record(
            SenderAccount account, String to, String type, String text, Optional<String> correlationId) {
        String id = "sandbox." + ids.incrementAndGet();
        String from = account.phoneId()
                .orElseGet(() -> account.number().map(PhoneNumber::e164).orElse(""));
        outbox.add(new Sent(id, from, to, type, text, correlationId, clock.instant()));
        while (outbox.size() > KEEP) {
            outbox.remove(0);
        }
        return new SendOutcome.Accepted(id);
    }

    /**
     * One line for a reply part: a text as it is, else its type and what it shows: {@code [image] caption (url)},
     * {@code [buttons] text: Comprar | Ver cores}, {@code [list] text: button: row | row}, ...
     */
    static String describe(OutboundContent content) {
        if (content instanceof OutboundContent.Text text) {
            return text.text();
        }
        String head = "[" + content.type() + "] ";
        if (content instanceof OutboundContent.Media media) {
            String shown = media.caption().or(media::filename).map(c -> c + " ").orElse("");
            return head + shown + "(" + media.url() + ")";
        }
        if (content instanceof OutboundContent.Buttons buttons) {
            return head + buttons.text() + ": "
                    + buttons.buttons().stream()
                            .map(OutboundContent.Button::title)
                            .collect(Collectors.joining(" | "));
        }
        if (content instanceof OutboundContent.ListMessage list) {
            return head + list.text() + ": " + list.button() + ": "
                    + list.sections().stream()
                            .flatMap(section -> section.rows().stream())
                            .map(OutboundContent.Row::title)
                            .collect(Collectors.joining(" | "));
        }
        if (content instanceof OutboundContent.Reaction reaction) {
            return head + reaction.emoji() + " on " + reaction.messageId();
        }
        return head + content.summary();
    }

    /** What was "sent", oldest first. */
    public List<Sent> outbox() {
        return List.copyOf(outbox);
    }
}
