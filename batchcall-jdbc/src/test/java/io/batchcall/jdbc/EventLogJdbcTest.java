package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.NewBatch;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.Storage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event log: numbered after commit, so readers never skip an event that committed late. */
abstract class EventLogJdbcTest extends JdbcTestBase {
    @Test
    void anEventThatCommitsLateIsNumberedAfterTheOnesAlreadyRead() throws Exception {
        Storage s = storage();
        try (Connection slow = ds.getConnection(); Connection fast = ds.getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            insertEvent(slow, "slow");
            insertEvent(fast, "fast");
            fast.commit();
            assertThat(s.events().after(0, 10)).extracting(StatusEvent::detail).containsExactly("fast");
            slow.commit();
        }
        List<StatusEvent> after = s.events().after(1, 10);
        assertThat(after).extracting(StatusEvent::detail).containsExactly("slow");
        assertThat(after.get(0).sequence()).isEqualTo(2);
    }

    private static void insertEvent(Connection c, String detail) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bc_events (at_us, account_id, batch_id, status, "
                + "detail) VALUES (0, 'acme', 1, 'running', ?)")) {
            ps.setString(1, detail);
            ps.executeUpdate();
        }
    }

    @Test
    void concurrentWritersAndReadersSeeEveryEventOnceInOrder() throws Exception {
        Storage s = storage();
        int writers = 4;
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    s.batches().create(NewBatch.draft(Fixtures.spec("acme"), T0));
                }
                return null;
            }));
        }
        Future<List<Long>> reader = pool.submit(() -> {
            List<Long> seen = new ArrayList<>();
            long cursor = 0;
            while (seen.size() < writers * perWriter) {
                for (StatusEvent e : s.events().after(cursor, 7)) {
                    seen.add(e.sequence());
                    cursor = e.sequence();
                }
            }
            return seen;
        });
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        List<Long> seen = reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(seen).hasSize(writers * perWriter).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(seen.size() - 1)).isEqualTo((long) writers * perWriter);
    }
}
