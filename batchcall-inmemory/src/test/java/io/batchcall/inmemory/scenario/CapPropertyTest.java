package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.ConcurrencyPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * For random caps, reservations, batch limits, batch counts, inbound reports and step sizes, the
 * outbound calls up at the carrier never exceed the account's ceiling or a batch's limit, and no
 * number is dialed twice.
 */
class CapPropertyTest {
    @Test
    void theCapHoldsForAnyMixOfBatchesInboundAndTiming() {
        qt().withExamples(40).forAll(integers().between(1, 12), integers().between(0, 11), integers().between(1, 3),
                lists().of(integers().between(1, 90)).ofSizeBetween(5, 40))
                .check((cap, r, batchCount, stepsSeconds) -> {
                    int reserved = r % cap;
                    int inbound = (r * 7 + batchCount) % 5;
                    ConcurrencyPolicy policy = ConcurrencyPolicy.of(cap, reserved)
                            .withBatchLimit(Math.max(1, (cap - reserved + 1) / 2));
                    SimulationSettings sim = SimulationSettings.ofDefaults().withSeed(cap * 31L + r)
                            .withTalk(Duration.ofSeconds(5), Duration.ofSeconds(60)).withQuirks(true, false);
                    try (Campaign c = new Campaign(MONDAY_9AM, sim, b -> b.accountLimits(
                            new AccountLimits(policy.accountCap(), policy.reserved())))) {
                        c.fund("1000");
                        List<Batch> batches = new ArrayList<>();
                        for (int i = 0; i < batchCount; i++) {
                            batches.add(c.draft(spec("b" + i).batchLimit(policy.batchLimit()).build(), i * 100, 15));
                            c.calls.send(batches.get(i).id());
                        }
                        int step = 0;
                        for (int seconds : stepsSeconds) {
                            if (step++ == stepsSeconds.size() / 2) {
                                c.calls.reportInboundCalls(ACCOUNT, inbound);
                            }
                            c.step(Duration.ofSeconds(seconds));
                            if (c.carrier.activeCalls(ACCOUNT) > policy.outboundCeiling()) {
                                return false;
                            }
                            for (Batch b : batches) {
                                if (c.summary(b.id()).counts().inFlight() > policy.batchLimit()) {
                                    return false;
                                }
                            }
                        }
                        c.calls.reportInboundCalls(ACCOUNT, 0);
                        c.runUntil(() -> batches.stream().allMatch(b -> c.status(b.id()) == BatchStatus.COMPLETED),
                                Duration.ofHours(3), Duration.ofSeconds(30));
                        return c.carrier.maxConcurrent(ACCOUNT) <= policy.outboundCeiling()
                                && c.carrier.dialsPerNumber().values().stream().allMatch(n -> n == 1)
                                && c.carrier.placedCalls().size() == 15 * batchCount;
                    }
                });
    }
}
