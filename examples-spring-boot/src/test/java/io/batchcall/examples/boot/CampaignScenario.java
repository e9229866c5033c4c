package io.batchcall.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.RecipientQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/** The scenario both database tests run against the booted example application. */
final class CampaignScenario {
    static final AccountId ACCOUNT = AccountId.of("clinic-1");

    private CampaignScenario() {
    }

    static String csv(int first, int count) {
        StringBuilder b = new StringBuilder("Phone Number,First Name,appointment\n");
        for (int i = first; i < first + count; i++) {
            b.append("+1212").append(2_000_000 + i).append(",Person ").append(i).append(",Dec ").append(1 + i % 28)
                    .append('\n');
        }
        b.append("not-a-number,Nobody,Dec 1\n");
        return b.toString();
    }

    /** A campaign runs to completion through the beans, and the meters saw it. */
    static BatchId runsToCompletion(CampaignService campaigns, BatchCalls calls, MeterRegistry registry) {
        campaigns.topUp(ACCOUNT, "50");
        CampaignService.Launched launched = campaigns.launch(ACCOUNT, "December reminders",
                new ByteArrayInputStream(csv(0, 12).getBytes(StandardCharsets.UTF_8)));
        assertThat(launched.report().accepted()).isEqualTo(12);
        assertThat(launched.report().rejected()).isEqualTo(1);

        await(() -> campaigns.view(launched.id()).status().equals("completed"), Duration.ofSeconds(180));
        CampaignView done = campaigns.view(launched.id());
        assertThat(done.total()).isEqualTo(12);
        assertThat(done.completed() + done.failed()).isEqualTo(12);
        assertThat(done.inFlight()).isZero();

        assertThat(registry.get("batchcall.dials").counters().stream().mapToDouble(c -> c.count()).sum())
                .isGreaterThanOrEqualTo(12);
        assertThat(registry.get("batchcall.call.outcomes").counters().stream().mapToDouble(c -> c.count()).sum())
                .isGreaterThanOrEqualTo(12);
        assertThat(registry.get("batchcall.csv.rows").tag("result", "imported").counter().count()).isEqualTo(12);
        assertThat(registry.get("batchcall.dispatch.lag").timer().count()).isGreaterThanOrEqualTo(12);
        assertThat(registry.get("batchcall.engine.steps").tag("outcome", "success").timer().count()).isPositive();
        assertThat(calls.health().healthy()).isTrue();
        return launched.id();
    }

    /**
     * Stops the engine the way the context's shutdown does (its lifecycle bean) while dials are in
     * flight at the slow carrier: the stop waits for them, every call the carrier accepted is
     * recorded in the database with its call id, and no recipient is left claimed.
     */
    static void shutsDownWithoutLosingAnInFlightCall(ConfigurableApplicationContext ctx, DataSource afterwards) {
        CampaignService campaigns = ctx.getBean(CampaignService.class);
        SlowCarrier carrier = ctx.getBean(SlowCarrier.class);
        CampaignService.Launched launched = campaigns.launch(ACCOUNT, "Shutdown test",
                new ByteArrayInputStream(csv(100, 30).getBytes(StandardCharsets.UTF_8)));
        await(() -> carrier.inFlight.get() > 0, Duration.ofSeconds(30));

        SmartLifecycle engine = ctx.getBean("batchCallsLifecycle", SmartLifecycle.class);
        engine.stop();
        assertThat(engine.isRunning()).isFalse();

        assertThat(carrier.inFlight.get()).as("dials still at the carrier after shutdown").isZero();
        assertThat(carrier.interrupted.get()).as("dials interrupted by shutdown").isZero();
        assertThat(carrier.accepted).isNotEmpty();
        JdbcStorage storage = JdbcStorage.builder(afterwards).build();
        List<CallAttempt> attempts = new ArrayList<>();
        for (Recipient r : storage.recipients().list(launched.id(), RecipientQuery.first(1000))) {
            attempts.addAll(storage.calls().attempts(r.id()));
        }
        for (CallAttempt a : attempts) {
            if (carrier.accepted.contains(a.id())) {
                assertThat(a.providerCallId()).as("call id of accepted attempt %s", a.id()).isNotNull();
                assertThat(a.status()).as("status of accepted attempt %s", a.id()).isNotEqualTo(RecipientStatus.CALLING);
            }
        }
        assertThat(attempts).filteredOn(a -> carrier.accepted.contains(a.id())).isNotEmpty();
        assertThat(attempts).filteredOn(a -> a.status() == RecipientStatus.CALLING).isEmpty();
    }

    /** Polls until the condition holds; fails after {@code max}. */
    static void await(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + max);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
