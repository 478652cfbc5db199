package com.vendin.whatsapp.domain.deadletter;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.deadletter.DeadLetterStore;
import com.vendin.whatsapp.ports.deadletter.ManageDeadLetters;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lists dead letters (messages and failed reply parts) and requeues one with a fresh set of attempts, waking the workers. */
public final class DeadLetterService implements ManageDeadLetters {
    public static final int MAX_LIMIT = 500;
    private static final Pattern ID = Pattern.compile("(?:in-)?([0-9]{1,18})");
    private static final Pattern PART_ID = Pattern.compile("out-([0-9]{1,18})");

    private final DeadLetterStore store;
    private final WorkNotifier notifier;
    private final Clock clock;

    public DeadLetterService(DeadLetterStore store, WorkNotifier notifier, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<DeadLetter> list(int limit) {
        return store.list(Math.max(1, Math.min(MAX_LIMIT, limit)));
    }

    @Override
    public void retry(String id) {
        Matcher part = PART_ID.matcher(id == null ? "" : id.trim());
        OptionalLong inboundId = parse(id);
        boolean requeued = part.matches()
                ? store.requeuePart(Long.parseLong(part.group(1)), clock.instant())
                : inboundId.isPresent() && store.requeue(inboundId.getAsLong(), clock.instant());
        if (!requeued) {
            throw GatewayRejection.notFound("dead_letter_not_found", "No dead letter has the id " + id + ".");
        }
        notifier.workAvailable();
    }

    static OptionalLong parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id.trim());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
