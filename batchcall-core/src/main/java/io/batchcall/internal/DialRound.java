package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.PauseReason;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.RecipientStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of dialing across every running batch: claims in small chunks per batch in turn
 * (so one large batch does not starve the others), dials each chunk in parallel, and pauses or
 * fails a batch on the dial results.
 */
final class DialRound {
    private static final Logger LOG = LoggerFactory.getLogger(DialRound.class);

    private final CallStore calls;
    private final RecipientStore recipients;
    private final Dialer dialer;
    private final BatchTransitions transitions;
    private final EngineSettings settings;
    private final Clock clock;
    private final ExecutorService dialPool;
    private final Pacer pacer;
    private long lastServed;
    private final EngineObserver observer;
    private final ContactGate gate;
    /** Batches whose "waiting for hours" was logged, so the log says it once per wait. */
    private final Set<Long> waitLogged = ConcurrentHashMap.newKeySet();

    DialRound(CallStore calls, RecipientStore recipients, Dialer dialer, BatchTransitions transitions,
            EngineSettings settings, Clock clock, ExecutorService dialPool, EngineObserver observer, ContactGate gate) {
        this.observer = observer;
        this.gate = gate;
        this.calls = calls;
        this.recipients = recipients;
        this.dialer = dialer;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
        this.dialPool = dialPool;
        this.pacer = new Pacer(settings.callsPerSecond());
    }

    /**
     * Returns the number of calls placed. Batches are served round-robin across steps: each round
     * starts after the last batch the previous one served, so with more batches than one step can
     * dial for, every batch is still reached within a bounded number of steps.
     */
    int run(List<Batch> running) {
        List<Batch> active = rotated(running);
        int placed = 0;
        while (!active.isEmpty() && placed < settings.maxDialsPerStep()) {
            // Smaller chunks when several batches compete, so each gets a share of the free slots.
            int chunk = Math.max(1, settings.claimChunk() / active.size());
            for (Batch b : new ArrayList<>(active)) {
                int room = Math.min(chunk, settings.maxDialsPerStep() - placed);
                if (room <= 0) {
                    break;
                }
                ContactPolicy contact = contactPolicy(b);
                if (contact == null) {
                    active.remove(b);
                    continue;
                }
                int paced = pacer.take(b.spec().fromNumber(), room, clock.instant());
                List<Claim> claims = paced == 0 ? List.of() : claim(b, contact, paced);
                if (claims.isEmpty()) {
                    pacer.giveBack(b.spec().fromNumber(), paced);
                    active.remove(b);
                    continue;
                }
                lastServed = b.id().value();
                ContactGate.Screened screened = gate.screen(b, contact, claims);
                pacer.giveBack(b.spec().fromNumber(), paced - screened.dial().size());
                if (screened.storeFailed()) {
                    active.remove(b);
                }
                if (screened.dial().isEmpty()) {
                    continue;
                }
                Map<Dialer.Result, Integer> results = dialAll(b, screened.dial());
                placed += results.getOrDefault(Dialer.Result.PLACED, 0);
                if (results.containsKey(Dialer.Result.FATAL)) {
                    active.remove(b);
                } else if (results.containsKey(Dialer.Result.NO_CREDIT)) {
                    active.remove(b);
                    pauseForCredit(b);
                }
            }
        }
        return placed;
    }

    /** The batches by id, starting after the one served last. */
    private List<Batch> rotated(List<Batch> running) {
        List<Batch> byId = new ArrayList<>(running);
        byId.sort(Comparator.comparingLong(b -> b.id().value()));
        long after = lastServed;
        int start = 0;
        while (start < byId.size() && byId.get(start).id().value() <= after) {
            start++;
        }
        List<Batch> out = new ArrayList<>(byId.subList(start, byId.size()));
        out.addAll(byId.subList(0, start));
        return out;
    }

    private List<Claim> claim(Batch b, ContactPolicy contact, int max) {
        ConcurrencyPolicy policy = policy(b);
        if (policy == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<String> zoneKeys = null;
        if (Windows.filtersZones(b, contact)) {
            Set<String> pending = recipients.pendingZoneKeys(b.id());
            zoneKeys = Windows.openZoneKeys(b, contact, pending, now);
            if (zoneKeys.isEmpty()) {
                if (!pending.isEmpty() && contact.restrictsTimes() && waitLogged.add(b.id().value())) {
                    LOG.info("batch {} is not dialing: no pending recipient is inside its window, the legal calling "
                            + "hours {} and outside the blackout dates {} in its own time zone now", b.id(),
                            contact.hours().universal(), contact.blackoutDates());
                }
                return List.of();
            }
            waitLogged.remove(b.id().value());
        }
        long started = System.nanoTime();
        List<Claim> claimed = calls.claim(new ClaimRequest(b.id(), b.account(), policy, now,
                now.plus(settings.lease()), settings.nodeName(), max, zoneKeys));
        observer.onClaim(b.account(), claimed.size(), Duration.ofNanos(System.nanoTime() - started));
        return claimed;
    }

    /** The account's limits from the host and the batch's own limit; null (no dials) if the host failed. */
    private ConcurrencyPolicy policy(Batch b) {
        try {
            AccountLimits limits = settings.accountLimits().limitsOf(b.account());
            if (limits == null) {
                LOG.warn("no account limits for account {}; batch {} does not dial this step", b.account(), b.id());
                return null;
            }
            return ConcurrencyPolicy.of(limits, b.spec().batchLimit());
        } catch (RuntimeException e) {
            LOG.warn("account limits of account {} failed; batch {} does not dial this step", b.account(), b.id(), e);
            return null;
        }
    }

    /** The account's contact policy from the host; null (no dials) if the host failed. */
    private ContactPolicy contactPolicy(Batch b) {
        try {
            ContactPolicy p = settings.contact().policies().policyOf(b.account());
            if (p == null) {
                LOG.warn("no contact policy for account {}; batch {} does not dial this step", b.account(), b.id());
            }
            return p;
        } catch (RuntimeException e) {
            LOG.warn("contact policy of account {} failed; batch {} does not dial this step", b.account(), b.id(), e);
            return null;
        }
    }

    private Map<Dialer.Result, Integer> dialAll(Batch b, List<Claim> claims) {
        Map<Dialer.Result, Integer> results = new EnumMap<>(Dialer.Result.class);
        Dialer.FatalSink fatal = (batch, reason) -> failBatch(batch, reason);
        List<Callable<Dialer.Result>> tasks = new ArrayList<>();
        for (Claim c : claims) {
            tasks.add(() -> dialer.dial(b, c, fatal));
        }
        try {
            for (Future<Dialer.Result> f : dialPool.invokeAll(tasks)) {
                results.merge(result(f), 1, Integer::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    private static Dialer.Result result(Future<Dialer.Result> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            LOG.warn("a dial failed unexpectedly; its claim will be reconciled after the lease", e.getCause());
            return Dialer.Result.NOT_DIALED;
        }
    }

    private void failBatch(Batch b, String reason) {
        try {
            transitions.fail(b.id(), "carrier refused the batch: " + reason);
            LOG.error("batch {} failed: carrier refused it: {}", b.id(), reason);
        } catch (RuntimeException e) {
            LOG.warn("could not mark batch {} failed", b.id(), e);
        }
    }

    private void pauseForCredit(Batch b) {
        try {
            if (transitions.pauseIfRunning(b.id(), PauseReason.INSUFFICIENT_CREDIT).pauseReason()
                    == PauseReason.INSUFFICIENT_CREDIT) {
                LOG.info("batch {} paused: account {} cannot pay for a dial; it resumes after a top-up", b.id(),
                        b.account());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not pause batch {} for credit", b.id(), e);
        }
    }
}
