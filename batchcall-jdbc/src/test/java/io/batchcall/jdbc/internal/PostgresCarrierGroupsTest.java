package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.jdbc.TestDb;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.ImportSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent placements and carrier statuses of one account on PostgreSQL go through
 * {@link CarrierGroups}: every caller gets the answer it would get alone (a status applies once,
 * a stale one does not), and the account's events stay numbered 1, 2, 3… without gaps.
 */
class PostgresCarrierGroupsTest {
    @RegisterExtension
    static final TestDb DB = TestDb.postgres();
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final int CALLS = 96;

    @Test
    void concurrentStatusesOfOneAccountAreGroupedAndEachAnsweredAsAlone() throws Exception {
        JdbcStorage storage = JdbcStorage.builder(DB.fresh()).migrate(true).build();
        AccountId account = AccountId.of("acme");
        BatchSpec spec = BatchSpec.builder("grouped", account, new PhoneNumber("+14155550100"),
                CallWindow.always(ZoneId.of("UTC"))).build();
        Batch batch = storage.batches().create(new NewBatch(spec, BatchStatus.RUNNING, null, -1, null, NOW));
        List<NewRecipient> rows = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            rows.add(NewRecipient.of(new PhoneNumber("+1415555" + (1000 + i)), "r" + i));
        }
        try (ImportSession session = storage.recipients().openImport(batch.id())) {
            session.add(rows);
            session.commit();
        }
        List<Claim> claims = storage.calls().claim(new ClaimRequest(batch.id(), account, ConcurrencyPolicy.of(1000, 0),
                NOW, NOW.plusSeconds(600), "test", CALLS, null));
        assertThat(claims).hasSize(CALLS);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Boolean>>> answers = new ArrayList<>();
            for (Claim claim : claims) {
                answers.add(pool.submit(() -> lifeOf(storage, claim)));
            }
            for (Future<List<Boolean>> f : answers) {
                // placed, ringing, in progress, completed apply; the late ringing does not
                assertThat(f.get(60, TimeUnit.SECONDS)).containsExactly(true, true, true, true, false);
            }
        } finally {
            pool.shutdownNow();
        }

        for (Claim claim : claims) {
            CallAttempt a = storage.calls().attempt(claim.attempt().id()).orElseThrow();
            assertThat(a.status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(a.settlementDue()).isTrue();
        }
        List<StatusEvent> events = storage.events().after(account, 0, 10_000);
        // calling, initiated, ringing, in progress, completed of each call (and the batch's own events)
        assertThat(events.stream().filter(e -> e.attemptId() != null)).hasSize(CALLS * 5);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i + 1);
        }
        assertThat(((JdbcCallStore) storage.calls()).groupedCarrierStatuses()).isPositive();
    }

    @Test
    void aCallsLiveStatusesLeaveTheRecipientsIndexesAlone() throws Exception {
        javax.sql.DataSource ds = DB.fresh();
        JdbcStorage storage = JdbcStorage.builder(ds).migrate(true).build();
        AccountId account = AccountId.of("acme");
        Batch batch = storage.batches().create(new NewBatch(BatchSpec.builder("hot", account,
                new PhoneNumber("+14155550100"), CallWindow.always(ZoneId.of("UTC"))).build(), BatchStatus.RUNNING,
                null, -1, null, NOW));
        try (ImportSession session = storage.recipients().openImport(batch.id())) {
            List<NewRecipient> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(NewRecipient.of(new PhoneNumber("+1415666" + (1000 + i)), "r" + i));
            }
            session.add(rows);
            session.commit();
        }
        List<Claim> claims = storage.calls().claim(new ClaimRequest(batch.id(), account, ConcurrencyPolicy.of(100, 0),
                NOW, NOW.plusSeconds(600), "test", 20, null));
        long hot0 = hotUpdates(ds);
        for (Claim claim : claims) {
            String sid = "CA" + claim.attempt().id().value();
            storage.calls().markPlaced(claim.attempt().account(), claim.attempt().id(), sid, NOW.plusSeconds(1));
            apply(storage, claim, RecipientStatus.RINGING, sid, 2);
            apply(storage, claim, RecipientStatus.IN_PROGRESS, sid, 3);
        }
        // initiated, ringing and in progress of 20 calls: phase stays 1, so no index entry changes.
        // Backends report their statistics when they end: close the pool's connections.
        ((com.zaxxer.hikari.HikariDataSource) ds).getHikariPoolMXBean().softEvictConnections();
        long hot = 0;
        for (int i = 0; i < 50 && hot < 60; i++) { // statistics reach the view shortly after the commits
            Thread.sleep(100);
            hot = hotUpdates(ds) - hot0;
        }
        assertThat(hot).isGreaterThanOrEqualTo(60);
    }

    private static long hotUpdates(javax.sql.DataSource ds) throws Exception {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = "
                    + "'bc_recipients'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Boolean> lifeOf(JdbcStorage storage, Claim claim) {
        var id = claim.attempt().id();
        String sid = "CA" + id.value();
        List<Boolean> out = new ArrayList<>();
        out.add(storage.calls().markPlaced(claim.attempt().account(), id, sid, NOW.plusSeconds(1)));
        out.add(apply(storage, claim, RecipientStatus.RINGING, sid, 2).isPresent());
        out.add(apply(storage, claim, RecipientStatus.IN_PROGRESS, sid, 3).isPresent());
        out.add(apply(storage, claim, RecipientStatus.COMPLETED, sid, 4).isPresent());
        out.add(apply(storage, claim, RecipientStatus.RINGING, sid, 5).isPresent());
        return out;
    }

    private static Optional<CallAttempt> apply(JdbcStorage storage, Claim claim, RecipientStatus status, String sid,
            int second) {
        Duration talk = status == RecipientStatus.COMPLETED ? Duration.ofSeconds(7) : null;
        return storage.calls().applyCarrierStatus(claim.attempt().account(), claim.attempt().id(), new CarrierUpdate(status,
                NOW.plusSeconds(second), sid, talk, null));
    }
}
