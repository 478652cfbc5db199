package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.TenantAgent;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link TenantAgent} that answers from a script (one outcome per call, in order), then with its
 * fallback (no reply, unless changed), and remembers every call.
 */
public final class RecordingTenantAgent implements TenantAgent {
    /** One call as the agent received it. */
    public record Call(TenantEndpoint endpoint, AgentRequest request) {}

    private final Deque<AgentOutcome> script = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private Function<AgentRequest, AgentOutcome> fallback = request -> new AgentOutcome.Replied(Optional.empty());

    /** Queues outcomes for the next calls. */
    public synchronized RecordingTenantAgent thenReturn(AgentOutcome... outcomes) {
        for (AgentOutcome outcome : outcomes) {
            script.addLast(Objects.requireNonNull(outcome, "outcome"));
        }
        return this;
    }

    public RecordingTenantAgent thenReply(String text) {
        return thenReturn(new AgentOutcome.Replied(Optional.of(text)));
    }

    public RecordingTenantAgent thenNoReply() {
        return thenReturn(new AgentOutcome.Replied(Optional.empty()));
    }

    public RecordingTenantAgent thenRetryable(String reason) {
        return thenReturn(new AgentOutcome.Retryable(reason));
    }

    public RecordingTenantAgent thenRejected(String reason) {
        return thenReturn(new AgentOutcome.Rejected(reason));
    }

    /** How to answer once the script is used up. */
    public synchronized RecordingTenantAgent otherwise(Function<AgentRequest, AgentOutcome> answer) {
        this.fallback = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /** Answers every call after the script the same way. */
    public RecordingTenantAgent otherwise(AgentOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return otherwise(request -> outcome);
    }

    @Override
    public synchronized AgentOutcome deliver(TenantEndpoint endpoint, AgentRequest request) {
        calls.add(new Call(endpoint, request));
        AgentOutcome next = script.pollFirst();
        return next != null ? next : fallback.apply(request);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<AgentRequest> requests() {
        return calls.stream().map(Call::request).toList();
    }
}
