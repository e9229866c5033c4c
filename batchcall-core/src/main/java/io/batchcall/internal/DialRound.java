package io.batchcall.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.EngineObserver;
import io.batchcall.spi.RecipientStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
    private final EngineObserver observer;

    DialRound(CallStore calls, RecipientStore recipients, Dialer dialer, BatchTransitions transitions,
            EngineSettings settings, Clock clock, ExecutorService dialPool, EngineObserver observer) {
        this.observer = observer;
        this.calls = calls;
        this.recipients = recipients;
        this.dialer = dialer;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
        this.dialPool = dialPool;
        this.pacer = new Pacer(settings.callsPerSecond());
    }

    /** Returns the number of calls placed. */
    int run(List<Batch> running) {
        List<Batch> active = new ArrayList<>(running);
        int placed = 0;
        while (!active.isEmpty() && placed < settings.maxDialsPerStep()) {
            // Smaller chunks when several batches compete, so each gets a share of the free slots.
            int chunk = Math.max(1, settings.claimChunk() / active.size());
            for (Batch b : new ArrayList<>(active)) {
                int room = Math.min(chunk, settings.maxDialsPerStep() - placed);
                if (room <= 0) {
                    break;
                }
                int paced = pacer.take(b.spec().fromNumber(), room, clock.instant());
                List<Claim> claims = paced == 0 ? List.of() : claim(b, paced);
                pacer.giveBack(b.spec().fromNumber(), paced - claims.size());
                if (claims.isEmpty()) {
                    active.remove(b);
                    continue;
                }
                Map<Dialer.Result, Integer> results = dialAll(b, claims);
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

    private List<Claim> claim(Batch b, int max) {
        Instant now = clock.instant();
        Set<String> zoneKeys = null;
        if (b.spec().recipientLocalTime()) {
            zoneKeys = Windows.openZoneKeys(b, recipients, now);
            if (zoneKeys.isEmpty()) {
                return List.of();
            }
        }
        long started = System.nanoTime();
        List<Claim> claimed = calls.claim(new ClaimRequest(b.id(), b.account(), b.spec().concurrency(), now,
                now.plus(settings.lease()), settings.nodeName(), max, zoneKeys));
        observer.onClaim(b.account(), claimed.size(), Duration.ofNanos(System.nanoTime() - started));
        return claimed;
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
            transitions.modify(b.id(), cur -> cur.status() == BatchStatus.RUNNING
                    ? transitions.stamped(cur, BatchStatus.PAUSED, PauseReason.INSUFFICIENT_CREDIT) : cur);
            LOG.info("batch {} paused: insufficient credit on account {}", b.id(), b.account());
        } catch (RuntimeException e) {
            LOG.warn("could not pause batch {} for credit", b.id(), e);
        }
    }
}
