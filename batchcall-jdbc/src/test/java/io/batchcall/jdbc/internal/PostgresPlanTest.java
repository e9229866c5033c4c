package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.jdbc.TestDb;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.Storage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pins PostgreSQL's plans for the hot statements on a 100k-row batch straight after its import
 * (behind an older 50k-row batch; no autovacuum yet): the claim walks the partial index in order,
 * never the primary key with a filter nor a sequential scan, and a page reads only its batch.
 */
class PostgresPlanTest {
    @RegisterExtension
    static final TestDb DB = TestDb.postgres();
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    private static DataSource ds;
    private static Storage storage;
    private static Batch batch;

    @BeforeAll
    static void importABigBatch() {
        ds = DB.fresh();
        storage = JdbcStorage.builder(ds).migrate(true).build();
        BatchSpec spec = BatchSpec.builder("big", AccountId.of("acme"), new PhoneNumber("+14155550100"),
                CallWindow.always(ZoneId.of("UTC"))).build();
        importInto(storage.batches().create(new NewBatch(spec, BatchStatus.COMPLETED, null, -1, null, NOW)), 5);
        batch = storage.batches().create(new NewBatch(spec, BatchStatus.RUNNING, null, -1, null, NOW));
        importInto(batch, 10);
    }

    /** Imports chunks of 10,000 recipients in one session. */
    private static void importInto(Batch b, int chunks) {
        try (ImportSession session = storage.recipients().openImport(b.id())) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<NewRecipient> rows = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    rows.add(NewRecipient.of(new PhoneNumber("+1" + (3_000_000_000L + chunk * 10_000L + i)), "p"));
                }
                session.add(rows);
            }
            session.commit();
        }
    }

    private static String plan(String sql, Object... args) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            Sql.bind(ps, args);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Test
    void theClaimWalksThePartialIndex() throws Exception {
        String claim = new Tables("bc_").sql(new PostgresDialect().claimCandidates(RecipientRows.COLUMNS, ""));
        String before = plan(claim, batch.account().value(), batch.id().value(), Micros.of(NOW), 20);
        assertThat(before).contains("bc_recipients_claim").doesNotContain("Seq Scan").doesNotContain("pkey")
                .doesNotContain("Sort");
        for (int i = 0; i < 50; i++) {
            storage.calls().claim(new ClaimRequest(batch.id(), batch.account(), io.batchcall.model.ConcurrencyPolicy.ofDefaults(), NOW,
                    NOW.plusSeconds(60), "plan-test", 20, null)).forEach(c -> storage.calls().release(c.attempt().account(), c.attempt().id(),
                    NOW, "plan test", NOW));
        }
        String after = plan(claim, batch.account().value(), batch.id().value(), Micros.of(NOW), 20);
        assertThat(after).contains("bc_recipients_claim").doesNotContain("Seq Scan").doesNotContain("pkey");
    }

    @Test
    void aPageOfABatchReadsThatBatchOnly() throws Exception {
        // as JdbcRecipientStore.list writes it
        String page = "SELECT " + RecipientRows.COLUMNS + " FROM bc_recipients WHERE batch_id BETWEEN ? AND ? "
                + "ORDER BY batch_id, id LIMIT ?";
        assertThat(plan(page, batch.id().value(), batch.id().value(), 100)).contains("bc_recipients_batch").doesNotContain("Seq Scan")
                .doesNotContain("pkey");
    }

    @Test
    void activeCallsAreCountedFromThePartialActiveIndex() throws Exception {
        String active = "SELECT count(*) FROM bc_recipients WHERE account_id = ? AND phase = 1 AND status IN "
                + Accounts.ACTIVE; // as Accounts writes it
        assertThat(plan(active, "acme")).contains("bc_recipients_active").doesNotContain("Seq Scan");
    }
}
