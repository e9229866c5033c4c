package io.batchcall.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresExtension;
import io.batchcall.testkit.postgres.PostgresServer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three engine nodes, each with its own pool, on one PostgreSQL: 3,000 recipients over four batches
 * of two accounts. The cap minus reserved holds per account at every sample, every recipient is
 * dialed exactly once, and the ledger balances to the cent and never goes below zero.
 */
class PostgresClusterTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    static final AccountId ACME = AccountId.of("acme");
    static final AccountId GLOBEX = AccountId.of("globex");
    static final Currency USD = Currency.getInstance("USD");

    static BatchSpec spec(String name, AccountId account, ConcurrencyPolicy policy) {
        return BatchSpec.builder(name, account, PhoneNumber.of("+14155552000"), CallWindow.always(ZoneId.of("UTC")))
                .batchLimit(policy.batchLimit() < policy.outboundCeiling() ? policy.batchLimit() : null).build();
    }

    static List<NewRecipient> recipients(int from, int count) {
        List<NewRecipient> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(NewRecipient.of(PhoneNumber.of("+1212" + (2_000_000 + i)), "R" + i));
        }
        return list;
    }

    @Test
    void threeNodesKeepTheCapTheCreditAndDialEveryoneOnce() throws Exception {
        run(false);
    }

    /**
     * The same run with every node in the single-account mode: row-level security lets each
     * transaction read and write one account only (sweeps read across accounts, READ ONLY), as a
     * database sharded by account requires.
     */
    @Test
    void theSameRunWhenEachTransactionMayTouchOneAccountOnly() throws Exception {
        run(true);
    }

    private void run(boolean singleAccount) throws Exception {
        SimulationSettings sim = SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withTalk(Duration.ofSeconds(3), Duration.ofSeconds(20)).withQuirks(true, true);
        PostgresDatabase db = singleAccount ? PostgresServer.shared().createDatabase("single_account_cluster")
                : PG.database();
        try (db; Cluster cluster = new Cluster(db, sim, singleAccount)) {
            for (int i = 0; i < 3; i++) {
                cluster.addNode("node-" + i, cluster.carrier);
            }
            var first = cluster.nodes.get(0);
            ConcurrencyPolicy acmePolicy = ConcurrencyPolicy.of(12, 2);
            ConcurrencyPolicy globexPolicy = ConcurrencyPolicy.of(8, 0).withBatchLimit(5);
            cluster.limits.put(ACME, new AccountLimits(acmePolicy.accountCap(), acmePolicy.reserved()));
            cluster.limits.put(GLOBEX, new AccountLimits(globexPolicy.accountCap(), globexPolicy.reserved()));
            first.ledger.topUp(ACME, Money.usd("500"), "acme-1");
            first.ledger.topUp(GLOBEX, Money.usd("500"), "globex-1");
            List<Batch> batches = new ArrayList<>();
            int n = 0;
            for (int i = 0; i < 2; i++) {
                for (AccountId account : List.of(ACME, GLOBEX)) {
                    Batch b = first.calls.createDraft(spec("b" + i + account, account,
                            account.equals(ACME) ? acmePolicy : globexPolicy));
                    first.calls.addRecipients(b.id(), recipients(n, 750));
                    n += 750;
                    batches.add(b);
                }
            }
            // Sends go through different nodes.
            for (int i = 0; i < batches.size(); i++) {
                cluster.nodes.get(i % 3).calls.send(batches.get(i).id());
            }
            cluster.startAll();
            cluster.driveUntil(() -> cluster.allCompleted(batches), () -> {
                assertThat(cluster.carrier.activeCalls(ACME)).isLessThanOrEqualTo(acmePolicy.outboundCeiling());
                assertThat(cluster.carrier.activeCalls(GLOBEX)).isLessThanOrEqualTo(globexPolicy.outboundCeiling());
            }, Duration.ofMinutes(6));

            assertThat(cluster.carrier.maxConcurrent(ACME)).isLessThanOrEqualTo(10).isGreaterThan(5);
            assertThat(cluster.carrier.maxConcurrent(GLOBEX)).isLessThanOrEqualTo(8);
            Map<PhoneNumber, Integer> dials = cluster.carrier.dialsPerNumber();
            assertThat(dials).hasSize(3000);
            assertThat(dials.values()).allMatch(c -> c == 1);
            assertThat(cluster.carrier.placedCalls()).extracting(r -> r.attemptId()).doesNotHaveDuplicates();
            for (AccountId account : List.of(ACME, GLOBEX)) {
                long spent = 0;
                for (Batch b : batches) {
                    if (!b.account().equals(account)) {
                        continue;
                    }
                    for (Recipient r : first.calls.recipients(b.id(), RecipientQuery.first(1000))) {
                        for (CallAttempt a : first.calls.attempts(r.id())) {
                            spent += a.cost() == null ? 0 : a.cost().micros();
                        }
                    }
                }
                assertThat(spent).isPositive();
                assertThat(first.ledger.available(account, USD).micros()).isEqualTo(500_000_000L - spent);
            }
        }
    }
}
