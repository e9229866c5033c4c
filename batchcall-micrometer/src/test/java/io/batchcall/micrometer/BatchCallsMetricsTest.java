package io.batchcall.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.spi.TelephonyException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchCallsMetricsTest {
    private static final AccountId ACME = AccountId.of("acme");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final BatchCallsMetrics metrics = BatchCallsMetrics.builder().refreshEvery(Duration.ZERO).build();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void everyMeterMovesAsACampaignRuns() {
        SimulatedCampaign c = new SimulatedCampaign(SimulatedCampaign.quickCalls(), b -> b.observer(metrics));
        metrics.watch(c.calls.stats()).bindTo(registry);
        c.fund(ACME, "100");
        Batch b = c.calls.createDraft(SimulatedCampaign.spec(ACME));
        String csv = "phone,name\n" + "+12125550101,Ann\n+12125550102,Bob\n+12125550103,Cy\nnot a number,Dee\n";
        ImportReport report = c.calls.importRecipients(b.id(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportOptions.ofDefaults());
        metrics.refresh();
        assertThat(gauge("batchcall.batches", "status", "draft")).isEqualTo(1);

        c.calls.send(b.id());
        c.step(Duration.ofMillis(100));
        metrics.refresh();
        assertThat(gauge("batchcall.calls.active")).isEqualTo(3);
        assertThat(gauge("batchcall.batches", "status", "running")).isEqualTo(1);
        assertThat(gauge("batchcall.batches", "status", "draft")).isZero();

        c.runToCompletion(List.of(b.id()));
        metrics.refresh();

        assertThat(registry.get("batchcall.csv.rows").tag("result", "imported").counter().count())
                .isEqualTo(report.accepted()).isEqualTo(3);
        assertThat(registry.get("batchcall.csv.rows").tag("result", "rejected").counter().count()).isEqualTo(1);
        int dials = c.carrier.placedCalls().size();
        assertThat(registry.get("batchcall.dials").counter().count()).isEqualTo(dials).isGreaterThanOrEqualTo(3);
        assertThat(registry.get("batchcall.call.outcomes").counters().stream().mapToDouble(m -> m.count()).sum())
                .isEqualTo(dials);
        assertThat(registry.get("batchcall.settlements").tag("result", "done").counter().count()).isEqualTo(dials);
        Timer lag = registry.get("batchcall.dispatch.lag").timer();
        assertThat(lag.count()).isEqualTo(dials);
        assertThat(lag.takeSnapshot().percentileValues()).hasSize(3);
        assertThat(registry.get("batchcall.claims").tag("result", "claimed").timer().count()).isPositive();
        assertThat(registry.get("batchcall.engine.steps").tag("outcome", "success").timer().count()).isPositive();
        assertThat(registry.get("batchcall.events.written").counter().count()).isPositive();
        assertThat(registry.get("batchcall.events.delivered").counter().count()).isZero(); // no listener
        assertThat(gauge("batchcall.calls.active")).isZero();
        assertThat(gauge("batchcall.batches", "status", "running")).isZero();
        assertThat(gauge("batchcall.credit.holds.open")).isNaN();
        assertThat(gauge("batchcall.settlements.pending")).isNaN();
        assertThat(registry.getMeters()).noneMatch(m -> m.getId().getTag("account") != null);
        assertThat(registry.getMeters()).allMatch(m -> !m.getId().getName().endsWith("_total")
                && m.getId().getName().startsWith("batchcall."));
    }

    @Test
    void carrierErrorsAreCountedByKind() {
        SimulatedCampaign c = new SimulatedCampaign(SimulatedCampaign.quickCalls(), b -> b.observer(metrics));
        metrics.bindTo(registry);
        c.fund(ACME, "100");
        Batch b = c.draft(ACME, 0, 3);
        c.carrier.failNextPlacement(SimulatedCampaign.number(0),
                new TelephonyException(TelephonyException.Kind.RETRYABLE, "rate limited"));
        c.carrier.failNextPlacement(SimulatedCampaign.number(1),
                new TelephonyException(TelephonyException.Kind.PERMANENT, "invalid number"));
        c.carrier.failNextPlacement(SimulatedCampaign.number(2),
                new TelephonyException(TelephonyException.Kind.AMBIGUOUS, "timeout"));
        c.calls.send(b.id());
        c.step(Duration.ofMillis(100));

        assertThat(errors("retryable")).isEqualTo(1);
        assertThat(errors("permanent")).isEqualTo(1);
        assertThat(errors("ambiguous")).isEqualTo(1);
        assertThat(errors("fatal")).isZero();
        assertThat(c.calls.health().recentFatalCarrierErrors()).isZero();

        Batch other = c.draft(ACME, 10, 1);
        c.carrier.failNextPlacement(SimulatedCampaign.number(10),
                new TelephonyException(TelephonyException.Kind.FATAL, "authentication failed"));
        c.calls.send(other.id());
        c.step(Duration.ofMillis(100));
        assertThat(errors("fatal")).isEqualTo(1);
        assertThat(c.calls.batch(other.id()).batch().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(c.calls.health().recentFatalCarrierErrors()).isEqualTo(1);
        assertThat(c.calls.health().healthy()).isFalse();
    }

    @Test
    void optionsAreCheckedAndNameTheOption() {
        assertThatThrownBy(() -> BatchCallsMetrics.builder().accountTags(101))
                .hasMessage("accountTags must be between 0 and 100, but was 101");
        assertThatThrownBy(() -> BatchCallsMetrics.builder().refreshEvery(Duration.ofMillis(5)))
                .hasMessageStartingWith("refreshEvery must be 0 or between 1 s and 10 min, but was PT0.005S");
        SimulatedCampaign c = new SimulatedCampaign(SimulatedCampaign.quickCalls(), b -> b.observer(metrics));
        metrics.watch(c.calls.stats());
        assertThatThrownBy(() -> metrics.watch(c.calls.stats())).isInstanceOf(IllegalStateException.class);
    }

    private double errors(String kind) {
        return registry.get("batchcall.carrier.errors").tag("kind", kind).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    static long distinctAccounts(MeterRegistry registry, String name) {
        return registry.find(name).meters().stream().map(Meter::getId).map(id -> id.getTag("account")).distinct()
                .count();
    }
}
