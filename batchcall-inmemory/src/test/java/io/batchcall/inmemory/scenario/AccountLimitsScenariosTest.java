package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The account's limits belong to the account; the engine visits every batch, however many. */
class AccountLimitsScenariosTest {
    private static final SimulationSettings LONG_CALLS = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
            .withTalk(Duration.ofMinutes(2), Duration.ofMinutes(4));

    @Test
    void batchesWithDifferentLimitsNeverPassTheAccountsCap() {
        qt().withExamples(15).forAll(integers().between(2, 12), integers().between(1, 30), integers().between(1, 30))
                .check((cap, limitA, limitB) -> {
                    try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS,
                            b -> b.accountLimits(new AccountLimits(cap, 0)))) {
                        c.fund("1000");
                        Batch a = c.draft(spec("a").batchLimit(limitA).build(), 0, 25);
                        Batch b = c.draft(spec("b").batchLimit(limitB).build(), 100, 25);
                        c.calls.send(a.id());
                        c.calls.send(b.id());
                        for (int i = 0; i < 40; i++) {
                            c.step(Duration.ofSeconds(20));
                            long inA = c.summary(a.id()).counts().inFlight();
                            long inB = c.summary(b.id()).counts().inFlight();
                            if (inA > Math.min(limitA, cap) || inB > Math.min(limitB, cap)
                                    || c.carrier.activeCalls(ACCOUNT) > cap) {
                                return false;
                            }
                        }
                        return c.carrier.maxConcurrent(ACCOUNT) <= cap
                                && c.carrier.maxConcurrent(ACCOUNT) >= Math.min(cap, limitA + limitB) - 1;
                    }
                });
    }

    @Test
    void aChangeOfTheAccountsCapAppliesAtTheNextClaim() {
        AtomicReference<AccountLimits> limits = new AtomicReference<>(new AccountLimits(3, 0));
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, b -> b.accountLimits(account -> limits.get()))) {
            c.fund("1000");
            Batch a = c.draft(spec("a").build(), 0, 30);
            c.calls.send(a.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.activeCalls(ACCOUNT)).isEqualTo(3);
            limits.set(new AccountLimits(8, 2));
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.activeCalls(ACCOUNT)).isEqualTo(6);
        }
    }

    @Test
    void aFailingLimitsProviderStopsDialingInsteadOfGuessing() {
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, b -> b.accountLimits(account -> {
            throw new IllegalStateException("plan service down");
        }))) {
            c.fund("1000");
            Batch a = c.draft(spec("a").build(), 0, 5);
            c.calls.send(a.id());
            c.step(Duration.ofSeconds(1));
            assertThat(c.calls.activeCalls(ACCOUNT)).isZero();
            assertThat(c.status(a.id())).isEqualTo(BatchStatus.RUNNING);
        }
    }

    @Test
    void everyOneOf2500RunningBatchesIsDialedWithinBoundedSteps() {
        int batches = 2_500;
        try (Campaign c = new Campaign(MONDAY_9AM, LONG_CALLS, b -> b.accountLimits(new AccountLimits(100_000, 0))
                .maxDialsPerStep(500).claimChunk(10))) {
            c.fund("100000");
            List<BatchId> ids = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                Batch b = c.draft(spec("b" + i).build(), i * 10, 2);
                c.calls.send(b.id());
                ids.add(b.id());
            }
            Set<BatchId> dialed = new HashSet<>();
            int steps = 0;
            while (dialed.size() < batches && steps < 10) {
                c.step(Duration.ofSeconds(1));
                steps++;
                for (BatchId id : ids) {
                    if (!dialed.contains(id) && c.summary(id).counts().inFlight() > 0) {
                        dialed.add(id);
                    }
                }
            }
            assertThat(dialed).as("batches dialed after %d steps of at most 500 dials", steps).hasSize(batches);
            assertThat(steps).isLessThanOrEqualTo(5 + 1); // 2,500 batches / 500 dials per step
        }
    }
}
