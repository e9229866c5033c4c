package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the engine on JDBC: two engines, each with its own storage, ledger and pool on one
 * database (as two nodes would be), run a campaign to the end on a simulated carrier, stepping a
 * shared clock: the cap holds, nobody is dialed twice, and the ledger balances.
 */
abstract class EngineOnJdbcTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final int CAP = 6;
    private static final int RECIPIENTS = 120;

    abstract TestDb db();

    private static BatchCalls engine(DataSource ds, MutableClock clock, SimulatedTelephony carrier, String node) {
        Storage storage = JdbcStorage.builder(ds).clock(clock).build();
        CreditLedger ledger = JdbcCreditLedger.builder(ds).clock(clock).build();
        return BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName(node).dialThreads(2)
                .accountLimits(new AccountLimits(CAP, 0)) // every node is given the same account limits
                .tariff(Tariff.of(Money.usd("0.01"))).lease(Duration.ofHours(1)).staleCallAfter(Duration.ofHours(1))
                .build();
    }

    @Test
    void twoEnginesFinishACampaignWithinTheCap() {
        DataSource first = db().fresh(6);
        Migrations.apply(first);
        DataSource second = db().anotherPool(first, 6);
        MutableClock clock = MutableClock.at(START);
        SimulationSettings sim = SimulationSettings.ofDefaults().withRing(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .withTalk(Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (SimulatedTelephony carrier = new SimulatedTelephony(clock, sim);
                BatchCalls a = engine(first, clock, carrier, "node-a");
                BatchCalls b = engine(second, clock, carrier, "node-b")) {
            carrier.connect(a.statusSink());
            JdbcCreditLedger.builder(first).build().topUp(ACME, Money.usd("100"), "seed");
            BatchSpec spec = BatchSpec.builder("smoke", ACME, PhoneNumber.of("+14155552000"),
                    CallWindow.always(ZoneId.of("America/New_York"))).build();
            Batch batch = a.createDraft(spec);
            List<NewRecipient> people = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) {
                people.add(NewRecipient.of(PhoneNumber.of("+1212" + (2_000_000 + i)), "Person " + i));
            }
            a.addRecipients(batch.id(), people);
            a.send(batch.id());
            Instant limit = START.plus(Duration.ofHours(2));
            while (a.batch(batch.id()).batch().status() != BatchStatus.COMPLETED) {
                assertThat(clock.instant()).as("campaign did not finish").isBefore(limit);
                clock.advance(Duration.ofMillis(500));
                carrier.deliverDue();
                a.runOnce();
                b.runOnce();
                assertThat(a.activeCalls(ACME)).isLessThanOrEqualTo(CAP);
            }
            assertThat(carrier.placedCalls()).hasSize(RECIPIENTS);
            assertThat(carrier.dialsPerNumber().values()).allMatch(n -> n == 1);
            assertThat(carrier.maxConcurrent(ACME)).isBetween(2, CAP);
            assertThat(a.batch(batch.id()).counts().inFlight()).isZero();
            Money left = JdbcCreditLedger.builder(second).build().available(ACME, Currency.getInstance("USD"));
            assertThat(left).isLessThan(Money.usd("100"));
        }
    }
}
