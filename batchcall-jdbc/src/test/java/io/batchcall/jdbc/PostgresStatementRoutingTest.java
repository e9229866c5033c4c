package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RetryPolicy;
import io.batchcall.model.Tariff;
import io.batchcall.model.RecipientStatus;
import io.batchcall.schedule.CallWindow;
import io.batchcall.testkit.MutableClock;
import io.batchcall.testkit.postgres.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every statement the engine runs for one account names that account: campaigns of two accounts
 * run to the end (claims, placements, carrier statuses, retries of busy calls, settlement, credit,
 * events) on PostgreSQL in the single-account mode, every statement the JDBC layer prepares is
 * recorded with the account its transaction set, and each one that reads or changes rows of a
 * per-account table in an account's transaction must filter by {@code account_id} (an equality, an
 * IN list, or a join on it); an INSERT carries the column. That is what lets a database sharded by
 * account route the statement to one shard; row-level security alone would hide a missing filter.
 * Statements run across accounts must all be reads (the mode runs them READ ONLY).
 */
class PostgresStatementRoutingTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final Pattern PER_ACCOUNT_TABLE = Pattern.compile("bc_(accounts|batches|recipients|attempts|events"
            + "|credit_\\w+|subscriptions|dead_letters|webhooks|suppressions|contact_dials|purge_progress)\\b");
    private static final Pattern ACCOUNT_FILTER = Pattern.compile("account_id\\s*(=|in\\s*\\()");

    private final RecordingDataSource recorder = new RecordingDataSource();

    @Test
    void everyStatementOfAnAccountsTransactionFiltersByTheAccount() throws Exception {
        MutableClock clock = MutableClock.at(START);
        try (HikariDataSource role = SingleAccountMode.prepare(PG.database())) {
            DataSource recorded = recorder.wrap(role);
            JdbcBackend backend = SingleAccountMode.backend(recorded, clock);
            SimulationSettings sim = SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1), Duration.ofSeconds(3))
                    .withTalk(Duration.ofSeconds(3), Duration.ofSeconds(20)).withQuirks(true, true);
            try (SimulatedTelephony carrier = new SimulatedTelephony(clock, sim);
                    BatchCalls calls = BatchCalls.builder(backend.storage(), carrier, backend.ledger()).clock(clock)
                            .nodeName("routing").dialThreads(2).accountLimits(new AccountLimits(4, 0))
                            .tariff(Tariff.of(Money.usd("0.01"))).lease(Duration.ofHours(1))
                            .staleCallAfter(Duration.ofMinutes(5)).build()) {
                carrier.connect(calls.statusSink());
                List<Batch> batches = new ArrayList<>();
                for (String account : List.of("routing-a", "routing-b")) {
                    AccountId id = AccountId.of(account);
                    backend.ledger().topUp(id, Money.usd("50"), "seed-" + account);
                    BatchSpec spec = BatchSpec.builder("routing " + account, id, PhoneNumber.of("+14155552000"),
                            CallWindow.always(ZoneId.of("UTC")))
                            .retry(new RetryPolicy(Set.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), 2,
                                    Duration.ofSeconds(30))).build();
                    Batch b = calls.forAccount(id).createDraft(spec);
                    List<NewRecipient> people = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        people.add(NewRecipient.of(PhoneNumber.of("+1212" + (3_000_000 + batches.size() * 100 + i)),
                                "P" + i));
                    }
                    calls.forAccount(id).addRecipients(b.id(), people);
                    calls.forAccount(id).send(b.id());
                    batches.add(b);
                }
                Instant limit = START.plus(Duration.ofHours(2));
                while (!batches.stream().allMatch(b -> calls.batch(b.id()).batch().status() == BatchStatus.COMPLETED)) {
                    assertThat(clock.instant()).as("the campaigns did not finish").isBefore(limit);
                    clock.advance(Duration.ofMillis(500));
                    carrier.deliverDue();
                    calls.runOnce();
                }
            }
        }
        Set<String> inAccount = recorder.inAccount();
        Set<String> acrossAccounts = recorder.acrossAccounts();
        List<String> unfiltered = new ArrayList<>();
        for (String sql : inAccount) {
            String s = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!PER_ACCOUNT_TABLE.matcher(s).find() || s.contains("pg_get_serial_sequence(")) {
                continue; // no per-account table (an id drawn from an identity's sequence reads no rows)
            }
            if (s.startsWith("insert into") && (!s.contains(" select ")
                    || !PER_ACCOUNT_TABLE.matcher(s.substring(s.indexOf(" select "))).find())) {
                continue; // INSERT … VALUES, or … SELECT from no per-account table: routed by the account_id inserted
            }
            if (!ACCOUNT_FILTER.matcher(s).find() && !s.contains("account_id = b.account_id")
                    && !s.contains("account_id = r.account_id")) {
                unfiltered.add(sql);
            }
        }
        assertThat(inAccount).as("statements recorded in accounts' transactions").hasSizeGreaterThan(20);
        assertThat(unfiltered).as("statements of an account's transaction without an account_id filter").isEmpty();
        assertThat(acrossAccounts).allSatisfy(sql -> assertThat(sql.trim().toLowerCase(Locale.ROOT))
                .startsWith("select"));
        System.out.println("statements across accounts (" + acrossAccounts.size() + "):\n  "
                + String.join("\n  ", new TreeSet<>(acrossAccounts)));
    }

}
