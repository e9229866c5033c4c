package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CallStore}'s recovery side: expired claims and their take-over by exactly
 * one node, stale placed calls and {@code touch}. Subclass it and implement
 * {@link #newStorage(java.time.Clock)}.
 */
public abstract class CallRecoveryContract extends StorageContractSupport {
    private static final AttemptId UNKNOWN = AttemptId.of(987_654_321L);

    private CallStore calls() {
        return storage.calls();
    }

    private static List<AttemptId> ids(List<CallAttempt> attempts) {
        return attempts.stream().map(CallAttempt::id).toList();
    }

    @Test
    void expiredClaimsAreCallingClaimsWhoseLeaseEnded() {
        Batch b = running();
        addRecipients(b.id(), 0, 4);
        Claim early = claimOne(b);
        clock.advance(Duration.ofSeconds(10));
        List<Claim> later = claim(b, 2);
        Claim placed = placeOne(b);
        Instant firstLeaseEnd = T0.plus(LEASE);
        assertThat(calls().expiredClaims(firstLeaseEnd, 10)).as("a lease ending now has not ended before now")
                .isEmpty();
        assertThat(ids(calls().expiredClaims(firstLeaseEnd.plusSeconds(1), 10))).containsExactly(early.attempt().id());
        Instant all = now().plus(LEASE).plusSeconds(1);
        assertThat(ids(calls().expiredClaims(all, 10))).containsExactly(early.attempt().id(),
                later.get(0).attempt().id(), later.get(1).attempt().id());
        assertThat(ids(calls().expiredClaims(all, 2))).containsExactly(early.attempt().id(),
                later.get(0).attempt().id());
        assertThat(ids(calls().expiredClaims(all, 10))).doesNotContain(placed.attempt().id());
        assertThat(calls().expiredClaims(all, 10).get(0)).isEqualTo(attempt(early.attempt().id()));
    }

    @Test
    void takeOverExtendsAnExpiredLeaseForTheNewOwner() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = claimOne(b);
        AttemptId id = c.attempt().id();
        Instant leaseEnd = T0.plus(LEASE);
        long cursor = storage.events().latest(ACCOUNT);
        assertThat(calls().takeOver(ACCOUNT, id, "node-b", leaseEnd, leaseEnd.plus(LEASE))).as("not yet expired").isFalse();
        clock.set(leaseEnd.plusSeconds(1));
        assertThat(calls().takeOver(ACCOUNT, id, "node-b", now(), now().plus(LEASE))).isTrue();
        CallAttempt a = attempt(id);
        assertThat(a.owner()).isEqualTo("node-b");
        assertThat(a.leaseUntil()).isEqualTo(now().plus(LEASE));
        assertThat(a.status()).isEqualTo(RecipientStatus.CALLING);
        assertThat(calls().takeOver(ACCOUNT, id, "node-c", now(), now().plus(LEASE))).as("lease now held by node-b").isFalse();
        assertThat(calls().expiredClaims(now().plusSeconds(1), 10)).isEmpty();
        assertThat(storage.events().latest(ACCOUNT)).as("no status change, no event").isEqualTo(cursor);
        assertThat(calls().takeOver(ACCOUNT, UNKNOWN, "node-c", now(), now().plus(LEASE))).isFalse();
        calls().markPlaced(ACCOUNT, id, "CA-1", now());
        clock.advance(LEASE.multipliedBy(2));
        assertThat(calls().takeOver(ACCOUNT, id, "node-c", now(), now().plus(LEASE))).as("placed, no claim to take").isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentTakeOversWins() throws Exception {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        AttemptId id = claimOne(b).attempt().id();
        clock.advance(LEASE.plusSeconds(1));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String owner = "node-" + i;
                Callable<Boolean> task = () -> {
                    start.await();
                    return calls().takeOver(ACCOUNT, id, owner, now(), now().plus(LEASE));
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleCallsArePlacedCallsNotHeardOfSince() {
        Batch b = running();
        addRecipients(b.id(), 0, 5);
        Claim quiet = placeOne(b);
        clock.advance(Duration.ofSeconds(10));
        Claim ringing = placeOne(b);
        clock.advance(Duration.ofSeconds(10));
        carrier(ringing.attempt().id(), RecipientStatus.RINGING);
        Claim talking = placeOne(b);
        carrier(talking.attempt().id(), RecipientStatus.IN_PROGRESS);
        claimOne(b);
        Claim ended = finishOne(b, RecipientStatus.COMPLETED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(ids(calls().staleCalls(T0, 10))).as("strictly before").isEmpty();
        assertThat(ids(calls().staleCalls(T0.plusSeconds(1), 10))).containsExactly(quiet.attempt().id());
        assertThat(ids(calls().staleCalls(now(), 10))).containsExactly(quiet.attempt().id(), ringing.attempt().id(),
                talking.attempt().id());
        assertThat(ids(calls().staleCalls(now(), 1))).containsExactly(quiet.attempt().id());
        assertThat(ids(calls().staleCalls(now(), 10))).doesNotContain(ended.attempt().id());
    }

    @Test
    void touchMovesLastHeardOfForwardOnlyForPlacedCalls() {
        Batch b = running();
        addRecipients(b.id(), 0, 2);
        Claim placed = placeOne(b);
        Claim calling = claimOne(b);
        long cursor = storage.events().latest(ACCOUNT);
        clock.advance(Duration.ofMinutes(3));
        calls().touch(placed.attempt().account(), placed.attempt().id(), now());
        assertThat(attempt(placed.attempt().id()).lastEventAt()).isEqualTo(now());
        assertThat(attempt(placed.attempt().id()).status()).isEqualTo(RecipientStatus.INITIATED);
        assertThat(calls().staleCalls(now(), 10)).isEmpty();
        calls().touch(placed.attempt().account(), placed.attempt().id(), T0);
        assertThat(attempt(placed.attempt().id()).lastEventAt()).as("never back").isEqualTo(now());
        calls().touch(calling.attempt().account(), calling.attempt().id(), now());
        assertThat(attempt(calling.attempt().id()).lastEventAt()).isEqualTo(T0);
        calls().touch(ACCOUNT, UNKNOWN, now());
        assertThat(storage.events().latest(ACCOUNT)).isEqualTo(cursor);
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> calls().expiredClaims(now(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calls().staleCalls(now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
