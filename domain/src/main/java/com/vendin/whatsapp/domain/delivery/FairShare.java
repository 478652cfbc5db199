package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.ports.delivery.ClaimCaps;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Keeps slow and hanging tenants, however many, from taking the delivery workers other tenants need (CONTRACT §3).
 *
 * <p>A tenant is <em>prompt</em> while the last delivery this process finished for it got an answer (a reply or a
 * refusal, not a timeout, refused connection or 5xx) in less than {@link #SLOW_CALL}, that was less than {@link
 * #PROMPT_MEMORY} ago, and none of its deliveries has been in flight for longer than {@link #SLOW_CALL}. A prompt
 * tenant may hold {@code perTenant} workers. Every other tenant (slow, hanging, failing, or not heard from lately,
 * which is how a tenant that hangs from the start looks) may hold at most {@code othersPerTenant}, and all of them
 * together at most {@code othersShare} of this process's workers; the rest stay free for prompt tenants. A tenant
 * turns prompt again with its first prompt answer.
 *
 * <p>The one case this cannot bound: tenants that were prompt and all start hanging at the same moment each keep the
 * workers they were given while prompt ({@code perTenant} each) until those calls time out; their next attempts fall
 * under the others' share.
 *
 * <p>Claims run on one dispatcher thread, finishes on the workers: the state is in concurrent maps.
 */
public final class FairShare {
    /** A delivery that takes longer than this holds a worker for too long: its tenant is not prompt. */
    public static final Duration SLOW_CALL = Duration.ofSeconds(5);
    /**
     * How long a prompt answer keeps its tenant prompt when no other delivery of it finishes: a day, so that a store
     * that gets a message now and then keeps its place (a tenant not heard from shares the smaller half, which would
     * make most deliveries of a gateway with many quiet stores first contacts), while the memory stays as small as
     * the tenants of one day's traffic.
     */
    public static final Duration PROMPT_MEMORY = Duration.ofHours(24);

    private final int perTenant;
    private final int othersPerTenant;
    private final int othersShare;
    private final boolean uniform;
    /** Every delivery claimed and not finished yet, with its tenant and when it was claimed. */
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    /** When each tenant last gave a prompt answer (removed by a slow or failed delivery). */
    private final Map<TenantId, Instant> lastPrompt = new ConcurrentHashMap<>();

    private volatile Instant nextPrune = Instant.MIN;

    private record InFlight(TenantId tenant, Instant since) {}

    private FairShare(int perTenant, int othersPerTenant, int othersShare, boolean uniform) {
        this.perTenant = perTenant;
        this.othersPerTenant = othersPerTenant;
        this.othersShare = othersShare;
        this.uniform = uniform;
    }

    /**
     * The shares for {@code workers} delivery workers: a prompt tenant up to {@code perTenant}; tenants not prompt
     * together half the workers (rounded down, at least 1), each at most an eighth of that (at least 1, at most
     * {@code perTenant}): with 32 workers, 16 for them, 2 each, so 8 hanging tenants fill their share and a ninth
     * waits, while 16 workers stay free for the prompt ones.
     */
    public static FairShare forWorkers(int workers, int perTenant) {
        if (workers < 2 || perTenant < 1) {
            throw new IllegalArgumentException(
                    "need at least 2 workers and a cap of at least 1: " + workers + ", " + perTenant);
        }
        int share = Math.max(1, workers / 2);
        int each = Math.max(1, Math.min(perTenant, share / 8));
        return new FairShare(perTenant, each, share, false);
    }

    /** The same cap for every tenant whatever its pace, nothing tracked (embedders, tests). */
    public static FairShare uniform(int perTenant) {
        if (perTenant < 1) {
            throw new IllegalArgumentException("perTenantInFlight must be at least 1: " + perTenant);
        }
        return new FairShare(perTenant, perTenant, Integer.MAX_VALUE, true);
    }

    public int perTenant() {
        return perTenant;
    }

    public int othersPerTenant() {
        return othersPerTenant;
    }

    public int othersShare() {
        return othersShare;
    }

    /** The caps of a claim at {@code now}. */
    ClaimCaps caps(Instant now) {
        if (uniform) {
            return ClaimCaps.uniform(perTenant);
        }
        prune(now);
        Instant slowIfBefore = now.minus(SLOW_CALL);
        Set<TenantId> slowNow = new HashSet<>();
        for (InFlight call : inFlight.values()) {
            if (call.since().isBefore(slowIfBefore)) {
                slowNow.add(call.tenant());
            }
        }
        Instant promptIfAfter = now.minus(PROMPT_MEMORY);
        Predicate<TenantId> prompt = tenant -> {
            Instant last = lastPrompt.get(tenant);
            return last != null && last.isAfter(promptIfAfter) && !slowNow.contains(tenant);
        };
        int othersHeld = 0;
        for (InFlight call : inFlight.values()) {
            if (!prompt.test(call.tenant())) {
                othersHeld++;
            }
        }
        return new ClaimCaps(perTenant, prompt, othersPerTenant, Math.max(0, othersShare - othersHeld));
    }

    /** These deliveries were claimed at {@code now} and are about to run. */
    void claimed(List<PendingDelivery> deliveries, Instant now) {
        if (uniform) {
            return;
        }
        for (PendingDelivery delivery : deliveries) {
            inFlight.put(delivery.id(), new InFlight(delivery.tenantId(), now));
        }
    }

    /** A delivery claimed earlier finished at {@code now}; {@code answered}: the tenant answered (2xx or 4xx). */
    void finished(PendingDelivery delivery, boolean answered, Instant now) {
        if (uniform) {
            return;
        }
        InFlight call = inFlight.remove(delivery.id());
        Instant since = call == null ? now : call.since();
        if (answered && Duration.between(since, now).compareTo(SLOW_CALL) < 0) {
            lastPrompt.put(delivery.tenantId(), now);
        } else {
            lastPrompt.remove(delivery.tenantId());
        }
    }

    /**
     * Forgets, at most once per {@link #PROMPT_MEMORY}, prompt answers too old to count and deliveries whose lease
     * has run out (a worker that never reported back): both maps stay as small as the recent traffic.
     */
    private void prune(Instant now) {
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PROMPT_MEMORY);
        Instant promptIfAfter = now.minus(PROMPT_MEMORY);
        lastPrompt.values().removeIf(last -> !last.isAfter(promptIfAfter));
        Instant leaseEnded = now.minus(DeliveryService.LEASE);
        inFlight.values().removeIf(call -> call.since().isBefore(leaseEnded));
    }
}
