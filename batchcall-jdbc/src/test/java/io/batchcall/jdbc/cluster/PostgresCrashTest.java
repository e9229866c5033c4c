package io.batchcall.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.Money;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Telephony;
import io.batchcall.testkit.postgres.PostgresDatabase;
import io.batchcall.testkit.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node dies mid-campaign: its dial threads hang (one right after the carrier accepted a call,
 * before it was recorded), its loop stops and its database connections are killed. The other
 * nodes finish the campaign; the dead node's claims are reconciled through the carrier after the
 * lease, and nobody is dialed twice.
 */
class PostgresCrashTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    private static final AccountId ACME = AccountId.of("acme");

    /** Passes calls to the carrier until told to die; then every dial hangs for good. */
    static final class DyingTelephony implements Telephony {
        private final Telephony carrier;
        private final CountDownLatch never = new CountDownLatch(1);
        private final AtomicInteger dialsBeforeDeath;
        volatile boolean dead;

        DyingTelephony(Telephony carrier, int dialsBeforeDeath) {
            this.carrier = carrier;
            this.dialsBeforeDeath = new AtomicInteger(dialsBeforeDeath);
        }

        @Override
        public PlacedCall place(CallRequest request) {
            int left = dialsBeforeDeath.decrementAndGet();
            if (left >= 0) {
                return carrier.place(request);
            }
            if (left == -1) { // exactly one dial: the carrier accepts it, the node dies before recording it
                carrier.place(request);
                dead = true;
            }
            hang();
            throw new IllegalStateException("unreachable");
        }

        private void hang() {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Optional<CallInfo> lookup(LookupRequest attempt) {
            return carrier.lookup(attempt);
        }

        @Override
        public void hangUp(String providerCallId) {
            carrier.hangUp(providerCallId);
        }
    }

    @Test
    void theOtherNodesFinishAndTheDeadNodesClaimsAreRecovered() throws Exception {
        SimulationSettings sim = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
                .withRing(Duration.ofSeconds(1), Duration.ofSeconds(2)).withTalk(Duration.ofSeconds(5),
                        Duration.ofSeconds(15));
        PostgresDatabase db = PG.database();
        try (Cluster cluster = new Cluster(db, sim)) {
            cluster.limits.put(ACME, new AccountLimits(15, 0));
            cluster.addNode("node-a", cluster.carrier);
            cluster.addNode("node-b", cluster.carrier);
            DyingTelephony dying = new DyingTelephony(cluster.carrier, 25);
            Cluster.Node doomed = cluster.addNode("node-c", dying);
            var a = cluster.nodes.get(0);
            a.ledger.topUp(ACME, Money.usd("100"), "t1");
            Batch batch = a.calls.createDraft(PostgresClusterTest.spec("crash", ACME, ConcurrencyPolicy.of(15, 0)));
            a.calls.addRecipients(batch.id(), PostgresClusterTest.recipients(0, 600));
            a.calls.send(batch.id());
            cluster.startAll();

            cluster.driveUntil(() -> dying.dead, () -> { }, Duration.ofMinutes(2));
            // Let the dead node's hung dial threads take the rest of its claimed chunk, then kill it.
            cluster.driveUntil(() -> true, () -> { }, Duration.ofSeconds(5));
            doomed.stopLoop();
            try (Connection c = cluster.nodes.get(0).pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'node-c'");
            }
            List<CallAttempt> stranded = new ArrayList<>();
            for (Recipient r : a.calls.recipients(batch.id(), new RecipientQuery(RecipientStatus.CALLING, null, 100))) {
                stranded.addAll(a.calls.attempts(r.id()).stream()
                        .filter(x -> x.status() == RecipientStatus.CALLING && "node-c".equals(x.owner())).toList());
            }
            assertThat(stranded).as("the dead node left claims behind").isNotEmpty();

            cluster.driveUntil(() -> cluster.allCompleted(List.of(batch)), () -> {
                assertThat(cluster.carrier.activeCalls(ACME)).isLessThanOrEqualTo(15);
            }, Duration.ofMinutes(4));

            Map<PhoneNumber, Integer> dials = cluster.carrier.dialsPerNumber();
            assertThat(dials).hasSize(600);
            assertThat(dials.values()).as("nobody dialed twice").allMatch(n -> n == 1);
            assertThat(a.calls.batch(batch.id()).counts().completed()).isEqualTo(600);
            // The call the dead node placed but never recorded was adopted, not re-dialed.
            long adopted = stranded.stream().map(x -> a.calls.attempts(x.recipientId()))
                    .filter(list -> list.size() == 1 && list.get(0).providerCallId() != null).count();
            assertThat(adopted).isEqualTo(1);
            long redialed = stranded.stream().map(x -> a.calls.attempts(x.recipientId()))
                    .filter(list -> list.size() == 2 && list.get(0).status() == RecipientStatus.SKIPPED).count();
            assertThat(adopted + redialed).isEqualTo(stranded.size());
        }
    }
}
