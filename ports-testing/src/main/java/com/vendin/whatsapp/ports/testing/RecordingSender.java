package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A {@link WhatsAppSender} that answers from a script (one outcome per send, in order), then accepts
 * with made-up provider ids ({@code wamid.test-N} on Meta, {@code SM} + 32 hex digits on Twilio), and
 * remembers every text.
 */
public final class RecordingSender implements WhatsAppSender {
    private final Deque<SendOutcome> script = new ArrayDeque<>();
    private final List<OutboundText> sent = new ArrayList<>();
    private final List<OutboundMessage> sentMessages = new ArrayList<>();
    private long counter;

    /** Queues outcomes for the next sends. */
    public synchronized RecordingSender thenReturn(SendOutcome... outcomes) {
        for (SendOutcome outcome : outcomes) {
            script.addLast(Objects.requireNonNull(outcome, "outcome"));
        }
        return this;
    }

    /** Queues one failure with the provider's {@code code}. */
    public RecordingSender thenFail(String code, boolean retryable) {
        return thenReturn(new SendOutcome.Failed(code, "scripted failure " + code, retryable, false));
    }

    /** Queues Meta's "token expired" (code 190). */
    public RecordingSender thenTokenExpired() {
        return thenReturn(new SendOutcome.Failed("190", "Error validating access token", false, true));
    }

    @Override
    public synchronized SendOutcome send(OutboundText message) {
        sent.add(message);
        counter++;
        SendOutcome next = script.pollFirst();
        if (next != null) {
            return next;
        }
        String id = message.from().provider() == Provider.TWILIO
                ? String.format("SM%032x", counter)
                : "wamid.test-" + counter;
        return new SendOutcome.Accepted(id);
    }

    /** Records a reply part of any kind (see {@link #sentMessages()}) and answers like a text send. */
    @Override
    public synchronized SendOutcome send(OutboundMessage message) {
        sentMessages.add(message);
        counter++;
        SendOutcome next = script.pollFirst();
        if (next != null) {
            return next;
        }
        String id = message.from().provider() == Provider.TWILIO
                ? String.format("SM%032x", counter)
                : "wamid.test-" + counter;
        return new SendOutcome.Accepted(id);
    }

    /** Every non-text reply part handed to this sender, whatever the outcome. */
    public synchronized List<OutboundMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /** Every text handed to this sender, whatever the outcome. */
    public synchronized List<OutboundText> sent() {
        return List.copyOf(sent);
    }
}
