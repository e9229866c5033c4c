package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The concurrency contract of {@link CallStore#claim}: many threads claim from several batches of
 * one account at once, and end their calls as they go (completed, busy, released, skipped). At no
 * moment may the account or a batch exceed its cap, and no recipient may be claimed while it is
 * in flight or after it has finished. Subclass it and implement
 * {@link #newStorage(java.time.Clock)}; override {@link #threads()} or {@link #recipientsPerBatch()}
 * to change the load.
 */
public abstract class ConcurrentClaimContract extends StorageContractSupport {
    private static final int INBOUND = 1;
    private static final ConcurrencyPolicy POLICY = ConcurrencyPolicy.of(6, 1).withBatchLimit(3);
    /** Outbound calls the account may have: ceiling 5 minus 1 inbound. */
    private static final int OUTBOUND_CAP = POLICY.outboundCeiling() - INBOUND;

    /** {@return the number of claiming threads; 8 by default} */
    protected int threads() {
        return 8;
    }

    /** {@return the number of recipients in each batch the threads claim from; override to change} */
    protected int recipientsPerBatch() {
        return 150;
    }

    /** What the threads saw; every field is thread-safe. */
    private static final class Observations {
        final AtomicInteger active = new AtomicInteger();
        final AtomicIntegerArray activeByBatch = new AtomicIntegerArray(3);
        final AtomicInteger claims = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final Set<RecipientId> inFlight = ConcurrentHashMap.newKeySet();
        final Set<RecipientId> finished = ConcurrentHashMap.newKeySet();
        final Set<AttemptId> released = ConcurrentHashMap.newKeySet();
        final Queue<String> violations = new ConcurrentLinkedQueue<>();
        final AtomicBoolean done = new AtomicBoolean();
    }

    @Test
    void concurrentClaimsNeverExceedTheCapNorClaimARecipientTwice() throws Exception {
        List<Batch> batches = List.of(running(ACCOUNT, POLICY), running(ACCOUNT, POLICY), running(ACCOUNT, POLICY));
        for (Batch b : batches) {
            addRecipients(b.id(), 0, recipientsPerBatch());
        }
        storage.calls().setInboundCalls(ACCOUNT, INBOUND);
        Observations seen = new Observations();
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                String owner = "node-" + t;
                workers.add(pool.submit(() -> {
                    start.await();
                    work(owner, batches, seen);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            seen.done.set(true);
            pool.shutdownNow();
        }
        assertThat(seen.violations).isEmpty();
        verifyEnd(batches, seen);
    }

    private void work(String owner, List<Batch> batches, Observations seen) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
        while (!seen.done.get() && System.nanoTime() < deadline) {
            int i = rnd.nextInt(batches.size());
            Batch b = batches.get(i);
            List<Claim> claims = storage.calls().claim(new ClaimRequest(b.id(), ACCOUNT, POLICY, now(),
                    now().plus(LEASE), owner, 1 + rnd.nextInt(3), null));
            for (Claim c : claims) {
                onClaimed(i, b, c, seen);
            }
            for (Claim c : claims) {
                end(i, c, rnd.nextInt(10), seen);
            }
            if (claims.isEmpty() && nothingLeft(batches)) {
                seen.done.set(true);
            }
        }
    }

    private void onClaimed(int i, Batch b, Claim c, Observations seen) {
        seen.claims.incrementAndGet();
        RecipientId r = c.recipient().id();
        if (!seen.inFlight.add(r)) {
            seen.violations.add("recipient " + r + " claimed while in flight");
        }
        if (seen.finished.contains(r)) {
            seen.violations.add("recipient " + r + " claimed after it finished");
        }
        int active = seen.active.incrementAndGet();
        seen.peak.accumulateAndGet(active, Math::max);
        if (active > OUTBOUND_CAP) {
            seen.violations.add(active + " outbound calls active, cap " + OUTBOUND_CAP);
        }
        if (seen.activeByBatch.incrementAndGet(i) > POLICY.batchLimit()) {
            seen.violations.add("batch " + b.id() + " over its limit " + POLICY.batchLimit());
        }
        int stored = storage.calls().activeCalls(ACCOUNT);
        if (stored > POLICY.outboundCeiling()) {
            seen.violations.add("store reports " + stored + " active calls, ceiling " + POLICY.outboundCeiling());
        }
        int storedBatch = storage.calls().activeCalls(b.id());
        if (storedBatch > POLICY.batchLimit()) {
            seen.violations.add("store reports " + storedBatch + " active calls in batch " + b.id());
        }
    }

    /** Ends a claimed call; our counters drop before the store's, so ours never run ahead of it. */
    private void end(int i, Claim c, int dice, Observations seen) {
        CallStore calls = storage.calls();
        AttemptId id = c.attempt().id();
        RecipientId r = c.recipient().id();
        seen.active.decrementAndGet();
        seen.activeByBatch.decrementAndGet(i);
        if (dice == 0) {
            seen.inFlight.remove(r);
            seen.released.add(id);
            expect(calls.release(ACCOUNT, id, now(), "load test", now()), "release " + id, seen);
            return;
        }
        seen.finished.add(r);
        seen.inFlight.remove(r);
        if (dice == 1) {
            expect(calls.finishUndialed(ACCOUNT, id, RecipientStatus.SKIPPED, "load test", now()), "skip " + id, seen);
            return;
        }
        expect(calls.markPlaced(ACCOUNT, id, "CA-" + id.value(), now()), "markPlaced " + id, seen);
        expect(carrier(id, RecipientStatus.RINGING), "ringing " + id, seen);
        RecipientStatus outcome = dice == 2 ? RecipientStatus.BUSY : RecipientStatus.COMPLETED;
        expect(calls.applyCarrierStatus(ACCOUNT, id, update(outcome, null)).isPresent(), outcome + " " + id, seen);
    }

    private static void expect(boolean applied, String what, Observations seen) {
        if (!applied) {
            seen.violations.add(what + " was not applied");
        }
    }

    private boolean nothingLeft(List<Batch> batches) {
        for (Batch b : batches) {
            RecipientCounts counts = storage.recipients().counts(b.id());
            if (counts.pending() + counts.inFlight() > 0) {
                return false;
            }
        }
        return true;
    }

    private void verifyEnd(List<Batch> batches, Observations seen) {
        assertThat(nothingLeft(batches)).as("every recipient was called").isTrue();
        assertThat(storage.calls().activeCalls(ACCOUNT)).isEqualTo(INBOUND);
        assertThat(seen.peak.get()).isPositive();
        long dials = 0;
        for (Batch b : batches) {
            assertThat(storage.calls().activeCalls(b.id())).isZero();
            for (Recipient r : allRecipients(b.id())) {
                List<CallAttempt> attempts = storage.calls().attempts(r.id());
                long kept = attempts.stream().filter(a -> !seen.released.contains(a.id())).count();
                assertThat(kept).as("attempts of recipient %s that were not released", r.id()).isEqualTo(1);
                assertThat(r.attempts()).isEqualTo(1);
                assertThat(r.status().isTerminal()).isTrue();
                dials += attempts.size();
            }
        }
        assertThat(dials).isEqualTo(seen.claims.get());
        List<StatusEvent> events = eventsAfter(0);
        assertThat(events.stream().filter(e -> e.status().equals("calling")).count()).isEqualTo(seen.claims.get());
        for (int k = 1; k < events.size(); k++) {
            assertThat(events.get(k).sequence()).isGreaterThan(events.get(k - 1).sequence());
        }
    }
}
