package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static io.batchcall.jdbc.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewBatch;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.EndCondition;
import io.batchcall.schedule.Frequency;
import io.batchcall.schedule.Recurrence;
import io.batchcall.spi.Storage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the contract suites cannot see: the spec's JSON column and the denormalised account. */
abstract class BatchStoreJdbcTest extends JdbcTestBase {
    @Test
    void everySpecFieldAndScheduleRoundTripsExactly() {
        Storage s = storage();
        CallWindow window = new CallWindow(LocalTime.of(21, 30), LocalTime.of(6, 15, 30),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), ZoneId.of("Australia/Lord_Howe"));
        BatchSpec base = spec("acme").toBuilder().window(window).agentId("bot \"7\"").recipientLocalTime(true)
                .retry(RetryPolicy.on(Set.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), 3, Duration.ofMinutes(5)))
                .deadline(T0.plusSeconds(86_400)).ringTimeout(Duration.ofSeconds(45)).build();
        List<BatchSpec> specs = List.of(
                base.toBuilder().startAt(T0.plusNanos(123_456_000)).build(),
                base.toBuilder().recurrence(Recurrence.of(Frequency.MONTHLY, 2, T0, ZoneId.of("Asia/Kathmandu"))
                        .withEnd(EndCondition.afterRuns(12))).build(),
                base.toBuilder().recurrence(Recurrence.of(Frequency.HOURLY, 3, T0, ZoneId.of("UTC"))
                        .withEnd(EndCondition.until(T0.plusSeconds(7 * 86_400)))).build(),
                base.toBuilder().recurrence(Recurrence.cron("30 9 * * 1-5", ZoneId.of("America/New_York"), T0))
                        .build());
        for (BatchSpec spec : specs) {
            Batch created = s.batches().create(new NewBatch(spec, BatchStatus.DRAFT, null, -1, null, T0));
            assertThat(s.batches().find(created.id())).contains(created);
            assertThat(s.batches().find(created.id()).orElseThrow().spec()).isEqualTo(spec);
        }
    }

    /**
     * A batch never changes account (the engine refuses it; the store too): its rows live with the
     * account, on one shard when the database is sharded by account.
     */
    @Test
    void aBatchNeverChangesAccount() {
        Storage s = storage();
        Batch b = Fixtures.running(s, "acme", 5, 5, 4);
        assertThat(s.calls().claim(Fixtures.claimRequest(b, 5, 2, T0))).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.batches().update(b.withSpec(spec("globex", 5, 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account of batch " + b.id() + " cannot change from acme to globex");
        assertThat(s.batches().find(b.id()).orElseThrow()).isEqualTo(b);
        assertThat(s.calls().activeCalls(AccountId.of("acme"))).isEqualTo(2);
        assertThat(s.calls().activeCalls(AccountId.of("globex"))).isZero();
    }
}
