package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.jdbc.TestDb;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.Money;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.ImportSession;
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
 * Pins H2's plans for the statements of a dial (claim, attempt transitions, events, credit): each
 * finds its rows through a key or an index condition on every column it filters by, never a table
 * scan nor a scan of an account's rows, so dispatch does not slow down as the tables grow.
 */
class H2PlanTest {
    @RegisterExtension
    static final TestDb DB = TestDb.h2();
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final String ATTEMPT = "SELECT " + AttemptRows.COLUMNS + " FROM bc_attempts ";

    private static DataSource ds;
    private static Batch batch;

    @BeforeAll
    static void aDatabaseInUse() {
        ds = DB.fresh();
        JdbcStorage storage = JdbcStorage.builder(ds).migrate(true).build();
        JdbcCreditLedger ledger = JdbcCreditLedger.builder(ds).migrate(true).build();
        AccountId acme = AccountId.of("acme");
        BatchSpec spec = BatchSpec.builder("plans", acme, new PhoneNumber("+14155550100"),
                CallWindow.always(ZoneId.of("UTC"))).build();
        batch = storage.batches().create(new NewBatch(spec, BatchStatus.RUNNING, null, -1, null, NOW));
        try (ImportSession session = storage.recipients().openImport(batch.id())) {
            List<NewRecipient> rows = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                rows.add(NewRecipient.of(new PhoneNumber("+1" + (3_000_000_000L + i)), "p"));
            }
            session.add(rows);
            session.commit();
        }
        ledger.topUp(acme, Money.usd("1000"), "t");
        var claims = storage.calls().claim(new ClaimRequest(batch.id(), acme, ConcurrencyPolicy.of(1000, 0), NOW,
                NOW.plusSeconds(60), "plans", 500, null));
        for (var claim : claims) {
            ledger.hold(acme, Money.usd("0.01"), "attempt-" + claim.attempt().id().value());
            storage.calls().markPlaced(claim.attempt().account(), claim.attempt().id(), "CA" + claim.attempt().id().value(), NOW);
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
            return out.toString().replaceAll("\\s+", " ");
        }
    }

    @Test
    void attemptTransitionsFindTheAttemptByItsKey() throws Exception {
        assertThat(plan(ATTEMPT + "WHERE account_id = ? AND id = ?", "acme", 7L)).contains("PRIMARY_KEY")
                .contains("ID = ?2")
                .doesNotContain("tableScan");
        // as AttemptTransitions writes it
        String write = "UPDATE bc_attempts SET status = ?, reason = ? WHERE account_id = ? AND id = ? AND CASE WHEN status = ? AND "
                + "settle_due = ? AND COALESCE(provider_call_id, '') = ? AND COALESCE(lease_until_us, -1) = ? THEN 1 "
                + "ELSE 0 END = 1";
        assertThat(plan(write, "ringing", null, "acme", 7L, "initiated", false, "CA7", -1L)).contains("ID = ?4")
                .doesNotContain("tableScan");
        String settle = "UPDATE bc_attempts SET cost_micros = ?, cost_currency = ?, settle_due = FALSE WHERE account_id = ? AND id = ? "
                + "AND CASE WHEN status IN ('completed', 'failed', 'busy', 'no_answer') AND placed_at_us IS NOT NULL "
                + "AND cost_micros IS NULL THEN 1 ELSE 0 END = 1";
        assertThat(plan(settle, 1L, "USD", "acme", 7L)).contains("ID = ?4").doesNotContain("tableScan");
    }

    @Test
    void theRecipientFollowsByItsKey() throws Exception {
        String follow = "UPDATE bc_recipients SET status = ?, reason = ? WHERE account_id = ? AND id = ? AND last_attempt = ?";
        assertThat(plan(follow, "ringing", null, "acme", 7L, 7L)).contains("ID = ?4").doesNotContain("tableScan");
    }

    @Test
    void eventsAreNumberedAndReadThroughTheAccountsKeys() throws Exception {
        assertThat(plan("UPDATE bc_accounts SET event_seq = event_seq + ? WHERE account_id = ?", 1L, "acme"))
                .contains("ACCOUNT_ID = ?2").doesNotContain("tableScan");
        assertThat(plan("SELECT seq, at_us FROM bc_events WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                "acme", 10L, 100)).contains("BC_EVENTS_ACCOUNT_SEQ").contains("SEQ > ?2").doesNotContain("tableScan");
    }

    @Test
    void theClaimReadsDueRecipientsOfItsBatchThroughTheClaimIndex() throws Exception {
        String claim = new H2Dialect(false).claimCandidates(RecipientRows.COLUMNS, "").replace("{p}", "bc_");
        assertThat(plan(claim, "acme", batch.id().value(), Micros.of(NOW), 50)).contains("BC_RECIPIENTS_CLAIM")
                .contains("BATCH_ID = ?2").doesNotContain("tableScan");
        String win = "UPDATE bc_recipients SET status = 'calling', attempts = attempts + 1, reason = NULL WHERE account_id = ? "
                + "AND id = ? AND status = 'pending'"; // as Claimer writes it
        assertThat(plan(win, "acme", 7L)).contains("ID = ?2").doesNotContain("tableScan");
        String active = "SELECT count(*), COALESCE(SUM(CASE WHEN batch_id = ? THEN 1 ELSE 0 END), 0) FROM bc_recipients "
                + "WHERE account_id = ? AND phase = 1 AND status IN " + Accounts.ACTIVE;
        assertThat(plan(active, batch.id().value(), "acme")).contains("BC_RECIPIENTS_ACTIVE")
                .doesNotContain("tableScan");
    }

    @Test
    void creditReadsTheHoldsByTheirKeys() throws Exception {
        String cols = "b.balance_micros, b.held_micros, h.state, h.amount_micros";
        assertThat(plan("SELECT " + cols + " FROM bc_credit_balances b LEFT JOIN bc_credit_holds h ON "
                + "h.account_id = b.account_id AND h.hold_key = ? WHERE b.account_id = ? AND b.currency = ? FOR UPDATE",
                "attempt-3", "acme", "USD")).contains("HOLD_KEY = ?1").doesNotContain("tableScan");
        // as LedgerRows.purseAndHolds writes it: every key a lookup by the holds' primary key
        String holds = plan("SELECT " + cols + ", h.hold_key FROM bc_credit_balances b CROSS JOIN (VALUES "
                + "(CAST(? AS VARCHAR(255))), (CAST(? AS VARCHAR(255)))) AS k(hold_key) LEFT JOIN bc_credit_holds h "
                + "ON h.account_id = b.account_id AND h.hold_key = k.hold_key WHERE b.account_id = ? AND b.currency = ? "
                + "FOR UPDATE OF b", "attempt-3", "attempt-4", "acme", "USD");
        assertThat(holds).containsPattern("ACCOUNT_ID = B.ACCOUNT_ID AND HOLD_KEY = K.HOLD_KEY")
                .doesNotContain("tableScan");
    }
}
