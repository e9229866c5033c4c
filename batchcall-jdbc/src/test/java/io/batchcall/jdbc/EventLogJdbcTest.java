package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AccountId;
import io.batchcall.model.NewBatch;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.Storage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The event log: numbered at insert per account, under the account's row lock; no counter shared
 * between accounts; readers never see an account's events out of order.
 */
abstract class EventLogJdbcTest extends JdbcTestBase {
    private static final int ACCOUNTS = 50;

    @Test
    void accountsDoNotWaitForEachOthersEvents() throws Exception {
        Storage s = storage();
        s.batches().create(NewBatch.draft(Fixtures.spec("a"), T0)); // both accounts have their rows
        s.batches().create(NewBatch.draft(Fixtures.spec("b"), T0));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps = holder.prepareStatement(
                    "UPDATE bc_accounts SET event_seq = event_seq WHERE account_id = 'a'")) {
                assertThat(ps.executeUpdate()).isEqualTo(1); // a writer of account a holds a's lock
            }
            Future<?> otherAccount = pool.submit(() -> s.batches().create(NewBatch.draft(Fixtures.spec("b"), T0)));
            otherAccount.get(20, TimeUnit.SECONDS); // account b is not held up
            Future<?> sameAccount = pool.submit(() -> s.batches().create(NewBatch.draft(Fixtures.spec("a"), T0)));
            assertThatThrownBy(() -> sameAccount.get(500, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class); // account a's events wait for a's lock
            holder.commit();
            sameAccount.get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        assertThat(s.events().after(AccountId.of("a"), 0, 10)).extracting(StatusEvent::sequence)
                .containsExactly(1L, 2L);
        assertThat(s.events().after(AccountId.of("b"), 0, 10)).extracting(StatusEvent::sequence)
                .containsExactly(1L, 2L);
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT last_seq FROM bc_event_sequence"))
                    .as("no global counter row").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void eventsOfFiftyAccountsFromFourWritersKeepEachAccountsOrder() throws Exception {
        Storage s = storage();
        int writers = 4;
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    s.batches().create(NewBatch.draft(Fixtures.spec("acct-" + ((writer * perWriter + i) % ACCOUNTS)),
                            T0));
                }
                return null;
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<Map<AccountId, List<Long>>> reader = pool.submit(() -> {
            Map<AccountId, List<Long>> seen = new HashMap<>();
            Map<AccountId, Long> cursors = new HashMap<>();
            boolean last = false;
            while (true) {
                boolean done = !writing.get();
                for (Map.Entry<AccountId, Long> head : s.events().heads().entrySet()) {
                    long cursor = cursors.getOrDefault(head.getKey(), 0L);
                    for (StatusEvent e : s.events().after(head.getKey(), cursor, 7)) {
                        seen.computeIfAbsent(e.account(), a -> new ArrayList<>()).add(e.sequence());
                        cursor = e.sequence();
                    }
                    cursors.put(head.getKey(), cursor);
                }
                if (last) {
                    return seen;
                }
                last = done && cursors.equals(s.events().heads());
            }
        });
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        Map<AccountId, List<Long>> seen = reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(seen).hasSize(ACCOUNTS);
        long total = 0;
        for (Map.Entry<AccountId, List<Long>> account : seen.entrySet()) {
            List<Long> seqs = account.getValue();
            assertThat(seqs).as("account %s", account.getKey()).isSorted().doesNotHaveDuplicates();
            assertThat(seqs.get(seqs.size() - 1)).as("contiguous from 1").isEqualTo(seqs.size());
            assertThat(s.events().latest(account.getKey())).isEqualTo(seqs.size());
            total += seqs.size();
        }
        assertThat(total).isEqualTo((long) writers * perWriter);
    }
}
