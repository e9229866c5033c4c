package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.delivery.LeaseRules;
import io.batchcall.spi.DeadLetterRow;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import io.batchcall.spi.SubscriptionState.Progress;
import io.batchcall.spi.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SubscriptionStore}: rows created once, leases taken only at the version
 * read (the version is the fencing token), progress and dead letters applied only for the owner at
 * its version, take-over after expiry as {@link LeaseRules} decides, and dead-letter paging,
 * redelivery requests and outcomes. Subclass it and implement {@link #newStorage(java.time.Clock)}.
 */
public abstract class SubscriptionStoreContract extends StorageContractSupport {
    private static final SubscriptionKey KEY = new SubscriptionKey("crm", ACCOUNT);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private SubscriptionStore store() {
        return storage.subscriptions();
    }

    private SubscriptionState takeAs(String node, SubscriptionKey key) {
        SubscriptionState row = store().open(key, 0);
        return store().take(key, row.version(), node, now().plus(LEASE)).orElseThrow();
    }

    @Test
    void openCreatesARowOnceAndKeepsItsCursor() {
        assertThat(store().find(KEY)).isEmpty();
        SubscriptionState fresh = store().open(KEY, 5);
        assertThat(fresh).isEqualTo(SubscriptionState.fresh(KEY, 5));
        assertThat(store().open(KEY, 9).cursor()).isEqualTo(5);
        assertThat(store().find(KEY)).contains(fresh);
        assertThatThrownBy(() -> store().open(new SubscriptionKey("x", ACCOUNT), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTakeAppliesOnlyAtTheVersionReadAndRaisesIt() {
        SubscriptionState row = store().open(KEY, 0);
        SubscriptionState taken = store().take(KEY, row.version(), "node-a", now().plus(LEASE)).orElseThrow();
        assertThat(taken.owner()).isEqualTo("node-a");
        assertThat(taken.version()).isEqualTo(row.version() + 1);
        assertThat(taken.leaseUntil()).isEqualTo(now().plus(LEASE));
        assertThat(store().take(KEY, row.version(), "node-b", now().plus(LEASE))).isEmpty();
        assertThat(store().find(KEY)).contains(taken);
        assertThat(store().take(new SubscriptionKey("nobody", ACCOUNT), 0, "node-b", now())).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderWritesNothing() {
        SubscriptionState a = takeAs("node-a", KEY);
        assertThat(store().advance(KEY, "node-a", a.version(), new Progress(3, 0, null, now().plus(LEASE)))).isTrue();
        SubscriptionState seen = store().find(KEY).orElseThrow();
        assertThat(LeaseRules.decide(seen, "node-b", now())).isEqualTo(LeaseRules.Decision.WAIT);
        assertThat(LeaseRules.decide(seen, "node-a", now())).isEqualTo(LeaseRules.Decision.HOLD);
        clock.advance(LEASE);
        assertThat(LeaseRules.decide(seen, "node-b", now())).isEqualTo(LeaseRules.Decision.TAKE);
        SubscriptionState b = store().take(KEY, seen.version(), "node-b", now().plus(LEASE)).orElseThrow();
        assertThat(b.cursor()).isEqualTo(3);
        assertThat(b.version()).isEqualTo(a.version() + 1);

        Progress late = new Progress(9, 0, null, now().plus(LEASE));
        assertThat(store().advance(KEY, "node-a", a.version(), late)).isFalse();
        assertThat(store().deadLetter(KEY, "node-a", a.version(), 4, 3, "boom", now(), late)).isFalse();
        assertThat(store().release(KEY, "node-a", a.version())).isFalse();
        assertThat(store().find(KEY)).contains(b);
        assertThat(store().deadLetters(KEY, false, 0, 10)).isEmpty();
    }

    @Test
    void progressIsStoredOnlyForTheOwnerAtItsVersion() {
        SubscriptionState a = takeAs("node-a", KEY);
        Instant retry = now().plusSeconds(20);
        Progress failing = new Progress(0, 2, retry, now().plus(LEASE).plusSeconds(5));
        assertThat(store().advance(KEY, "node-b", a.version(), failing)).isFalse();
        assertThat(store().advance(KEY, "node-a", a.version() + 1, failing)).isFalse();
        assertThat(store().find(KEY)).contains(a);
        assertThat(store().advance(KEY, "node-a", a.version(), failing)).isTrue();
        SubscriptionState stored = store().find(KEY).orElseThrow();
        assertThat(stored).isEqualTo(a.with(failing));
        assertThat(stored.failures()).isEqualTo(2);
        assertThat(stored.retryAt()).isEqualTo(retry);
        assertThat(stored.version()).isEqualTo(a.version());
        Progress done = new Progress(7, 0, null, now().plus(LEASE));
        assertThat(store().advance(KEY, "node-a", a.version(), done)).isTrue();
        assertThat(store().find(KEY).orElseThrow().retryAt()).isNull();
        assertThat(store().find(KEY).orElseThrow().cursor()).isEqualTo(7);
    }

    @Test
    void aReleasedLeaseKeepsTheCursorAndIsFreeForAnyone() {
        SubscriptionState a = takeAs("node-a", KEY);
        store().advance(KEY, "node-a", a.version(), new Progress(4, 0, null, now().plus(LEASE)));
        assertThat(store().release(KEY, "node-a", a.version())).isTrue();
        SubscriptionState released = store().find(KEY).orElseThrow();
        assertThat(released.owner()).isNull();
        assertThat(released.leaseUntil()).isEqualTo(Instant.EPOCH);
        assertThat(released.cursor()).isEqualTo(4);
        assertThat(LeaseRules.decide(released, "node-b", now())).isEqualTo(LeaseRules.Decision.TAKE);
        assertThat(store().take(KEY, released.version(), "node-b", now().plus(LEASE)).orElseThrow().version())
                .isEqualTo(a.version() + 1);
    }

    @Test
    void onlyOneOfManyConcurrentTakesWins() throws Exception {
        SubscriptionState row = store().open(KEY, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String node = "node-" + i;
                Callable<Boolean> take = () -> store().take(KEY, row.version(), node, now().plus(LEASE)).isPresent();
                tries.add(pool.submit(take));
            }
            int won = 0;
            for (Future<Boolean> f : tries) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(store().find(KEY).orElseThrow().version()).isEqualTo(row.version() + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeadLetterIsRecordedWithTheProgressPastItOnce() {
        SubscriptionState a = takeAs("node-a", KEY);
        Progress past = new Progress(5, 0, null, now().plus(LEASE));
        assertThat(store().deadLetter(KEY, "node-a", a.version(), 5, 3, "HTTP 500", now(), past)).isTrue();
        assertThat(store().find(KEY).orElseThrow().cursor()).isEqualTo(5);
        assertThat(store().deadLetter(KEY, "node-a", a.version(), 5, 4, "again", now(), past)).isTrue();
        List<DeadLetterRow> dead = store().deadLetters(KEY, false, 0, 10);
        assertThat(dead).hasSize(1);
        DeadLetterRow d = dead.get(0);
        assertThat(d.key()).isEqualTo(KEY);
        assertThat(d.sequence()).isEqualTo(5);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastError()).isEqualTo("HTTP 500");
        assertThat(d.deadAt()).isEqualTo(now());
        assertThat(d.redeliver()).isFalse();
    }

    @Test
    void deadLettersPageByIdAndStayWithTheirSubscription() {
        SubscriptionKey other = new SubscriptionKey("crm", OTHER_ACCOUNT);
        SubscriptionKey sibling = new SubscriptionKey("audit", ACCOUNT);
        SubscriptionState a = takeAs("node-a", KEY);
        SubscriptionState o = takeAs("node-a", other);
        SubscriptionState s = takeAs("node-a", sibling);
        for (long seq = 1; seq <= 5; seq++) {
            Progress p = new Progress(seq, 0, null, now().plus(LEASE));
            store().deadLetter(KEY, "node-a", a.version(), seq, 2, "e" + seq, now(), p);
            store().deadLetter(other, "node-a", o.version(), seq, 2, "o" + seq, now(), p);
        }
        store().deadLetter(sibling, "node-a", s.version(), 1, 2, "s1", now(), new Progress(1, 0, null, now()));
        List<DeadLetterRow> first = store().deadLetters(KEY, false, 0, 2);
        assertThat(first).extracting(DeadLetterRow::sequence).containsExactly(1L, 2L);
        List<DeadLetterRow> rest = store().deadLetters(KEY, false, first.get(1).id(), 10);
        assertThat(rest).extracting(DeadLetterRow::sequence).containsExactly(3L, 4L, 5L);
        assertThat(rest).allMatch(d -> d.key().equals(KEY) && d.lastError().startsWith("e"));
        assertThat(store().deadLetters(other, false, 0, 10)).hasSize(5).allMatch(d -> d.key().equals(other));
        assertThat(store().deadLetters(sibling, false, 0, 10)).hasSize(1);
        assertThatThrownBy(() -> store().deadLetters(KEY, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().deadLetters(KEY, false, 0, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redeliveryIsRequestedThenRecorded() {
        SubscriptionKey other = new SubscriptionKey("crm", OTHER_ACCOUNT);
        SubscriptionState a = takeAs("node-a", KEY);
        SubscriptionState o = takeAs("node-a", other);
        for (long seq = 1; seq <= 3; seq++) {
            store().deadLetter(KEY, "node-a", a.version(), seq, 2, "e", now(), new Progress(seq, 0, null, now()));
        }
        store().deadLetter(other, "node-a", o.version(), 1, 2, "o", now(), new Progress(1, 0, null, now()));
        List<DeadLetterRow> dead = store().deadLetters(KEY, false, 0, 10);
        long otherId = store().deadLetters(other, false, 0, 10).get(0).id();
        assertThat(store().deadLetters(KEY, true, 0, 10)).isEmpty();
        assertThat(store().requestRedelivery(KEY, dead.get(1).id())).isEqualTo(1);
        assertThat(store().requestRedelivery(KEY, otherId)).isZero();
        assertThat(store().deadLetters(KEY, true, 0, 10)).extracting(DeadLetterRow::sequence).containsExactly(2L);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store().redelivered(KEY, dead.get(1).id(), false, "HTTP 503", now())).isTrue();
        DeadLetterRow failed = store().deadLetters(KEY, false, 0, 10).get(1);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(failed.deadAt()).isEqualTo(now());
        assertThat(failed.redeliver()).isFalse();

        assertThat(store().requestRedelivery(KEY, 0)).isEqualTo(3);
        assertThat(store().deadLetters(KEY, true, 0, 10)).hasSize(3);
        assertThat(store().redelivered(KEY, dead.get(0).id(), true, null, now())).isTrue();
        assertThat(store().deadLetters(KEY, false, 0, 10)).extracting(DeadLetterRow::sequence)
                .containsExactly(2L, 3L);
        assertThat(store().redelivered(KEY, dead.get(0).id(), true, null, now())).isFalse();
        assertThat(store().redelivered(KEY, otherId, true, null, now())).isFalse();
        assertThat(store().deadLetters(other, false, 0, 10)).hasSize(1);
    }
}
