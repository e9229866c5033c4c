package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.Batch;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Several storages with their own pools on one database, as several nodes would be: the cap holds
 * and nobody is claimed twice.
 */
abstract class ClusterClaimJdbcTest extends JdbcTestBase {
    private static final int CAP = 4;
    private static final int RECIPIENTS = 300;

    @Test
    void concurrentNodesNeverExceedTheCapNorClaimTwice() throws Exception {
        Storage first = storage();
        Storage second = JdbcStorage.builder(db().anotherPool(ds, 4)).build();
        Batch b = Fixtures.running(first, "acme", CAP, CAP, RECIPIENTS);
        Batch other = Fixtures.running(first, "acme", CAP, CAP, RECIPIENTS);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Storage node = w % 2 == 0 ? first : second;
            Batch batch = w % 4 < 2 ? b : other;
            workers.add(pool.submit(() -> {
                while (true) {
                    List<Claim> claims = node.calls().claim(Fixtures.claimRequest(batch, CAP, 2, T0));
                    if (claims.isEmpty() && node.recipients().counts(batch.id()).pending() == 0) {
                        return null;
                    }
                    int now = held.addAndGet(claims.size());
                    maxHeld.accumulateAndGet(now, Math::max);
                    for (Claim c : claims) {
                        if (!claimed.add(c.recipient().id().value())) {
                            duplicates.incrementAndGet();
                        }
                        held.decrementAndGet();
                        node.calls().applyCarrierStatus(c.attempt().account(), c.attempt().id(), new CarrierUpdate(RecipientStatus.COMPLETED,
                                T0, "CA" + c.attempt().id(), Duration.ofSeconds(3), null));
                    }
                }
            }));
        }
        AtomicInteger maxActive = new AtomicInteger();
        while (!workers.stream().allMatch(Future::isDone)) {
            maxActive.accumulateAndGet(first.calls().activeCalls(b.account()), Math::max);
        }
        for (Future<?> f : workers) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(maxActive.get()).isBetween(1, CAP);
        assertThat(duplicates).hasValue(0);
        assertThat(claimed).hasSize(2 * RECIPIENTS);
        assertThat(maxHeld.get()).isLessThanOrEqualTo(CAP);
        assertThat(first.recipients().counts(b.id()).completed()).isEqualTo(RECIPIENTS);
        assertThat(first.calls().activeCalls(b.account())).isZero();
    }
}
