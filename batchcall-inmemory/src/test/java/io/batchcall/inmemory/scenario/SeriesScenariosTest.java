package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.NEW_YORK;
import static io.batchcall.inmemory.scenario.Campaign.number;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.BatchSummary;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.Frequency;
import io.batchcall.schedule.Recurrence;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesScenariosTest {
    private static final SimulationSettings QUICK = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
            .withTalk(Duration.ofSeconds(30), Duration.ofSeconds(30));

    private static List<BatchSummary> runs(Campaign c, Batch parent) {
        return c.calls.runs(parent.id(), 100);
    }

    @Test
    void dailySeriesEndsAfterThreeRuns() {
        ZonedDateTime anchor = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK);
        try (Campaign c = new Campaign(MONDAY_9AM, QUICK, x -> { })) {
            c.fund("100");
            Recurrence daily = Recurrence.every(1, Frequency.DAILY, anchor).endingAfter(3);
            Batch parent = c.draft(spec("daily").recurrence(daily).build(), 4);
            assertThat(c.calls.send(parent.id()).status()).isEqualTo(BatchStatus.RECURRING);
            assertThat(runs(c, parent)).hasSize(1);
            assertThat(runs(c, parent).get(0).batch().status()).isEqualTo(BatchStatus.SCHEDULED);
            c.runUntil(() -> c.status(parent.id()) == BatchStatus.COMPLETED, Duration.ofDays(4),
                    Duration.ofMinutes(10));
            List<BatchSummary> all = runs(c, parent);
            assertThat(all).hasSize(3);
            assertThat(all).allMatch(r -> r.batch().status() == BatchStatus.COMPLETED);
            assertThat(all).extracting(r -> r.batch().occurrence()).containsExactly(2L, 1L, 0L);
            for (int i = 0; i < 3; i++) {
                BatchSummary run = all.get(2 - i);
                assertThat(run.batch().scheduledFor() == null ? run.batch().startedAt() : run.batch().scheduledFor())
                        .isNotNull();
                assertThat(run.batch().startedAt().atZone(NEW_YORK).toLocalDate())
                        .isEqualTo(LocalDate.of(2026, 3, 2 + i));
                assertThat(run.batch().startedAt().atZone(NEW_YORK).toLocalTime())
                        .isBetween(LocalTime.of(10, 0), LocalTime.of(10, 10));
                assertThat(run.counts().completed()).isEqualTo(4);
            }
            assertThat(c.carrier.dialsPerNumber().get(number(0))).isEqualTo(3);
            // The parent keeps its template; it never dials itself.
            assertThat(c.summary(parent.id()).counts().pending()).isEqualTo(4);
        }
    }

    @Test
    void monthlySeriesOnThe31stFallsOnTheLastDayOfShortMonths() {
        ZonedDateTime anchor = ZonedDateTime.of(2026, 1, 31, 10, 0, 0, 0, NEW_YORK);
        try (Campaign c = new Campaign(anchor.toInstant().minus(Duration.ofHours(1)), QUICK, x -> { })) {
            c.fund("100");
            Recurrence monthly = Recurrence.every(1, Frequency.MONTHLY, anchor).endingAfter(4);
            Batch parent = c.draft(spec("monthly").window(CallWindow.always(NEW_YORK)).recurrence(monthly).build(), 2);
            c.calls.send(parent.id());
            c.runUntil(() -> c.status(parent.id()) == BatchStatus.COMPLETED, Duration.ofDays(100),
                    Duration.ofHours(1));
            assertThat(runs(c, parent)).extracting(r -> r.batch().startedAt().atZone(NEW_YORK).toLocalDate())
                    .containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 2, 28),
                            LocalDate.of(2026, 1, 31));
        }
    }

    @Test
    void pausedSeriesSpawnsNothingUntilResumedAndCancelStopsEverything() {
        ZonedDateTime anchor = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK);
        try (Campaign c = new Campaign(MONDAY_9AM, QUICK, x -> { })) {
            c.fund("100");
            Recurrence daily = Recurrence.every(1, Frequency.DAILY, anchor);
            Batch parent = c.draft(spec("pausable").recurrence(daily).build(), 3);
            c.calls.send(parent.id());
            c.runUntil(() -> runs(c, parent).size() == 2, Duration.ofDays(1), Duration.ofMinutes(10));
            assertThat(runs(c, parent).get(1).batch().status()).isEqualTo(BatchStatus.COMPLETED);
            // The next run is spawned for tomorrow; pausing the series stops further spawning.
            assertThat(runs(c, parent)).hasSize(2);
            Batch paused = c.calls.pauseSeries(parent.id());
            assertThat(paused.status()).isEqualTo(BatchStatus.PAUSED);
            assertThat(paused.pauseReason()).isEqualTo(PauseReason.SERIES_PAUSED);
            assertThatThrownBy(() -> c.calls.pause(parent.id())).hasMessageContaining("use pauseSeries");
            c.runUntil(() -> runs(c, parent).get(0).batch().status() == BatchStatus.COMPLETED, Duration.ofDays(2),
                    Duration.ofMinutes(30));
            c.step(Duration.ofDays(2));
            assertThat(runs(c, parent)).as("no run spawned while paused").hasSize(2);
            // The config is editable while the series lives.
            c.calls.updateDraft(parent.id(), parent.spec().toBuilder().name("renamed").build());
            c.calls.resumeSeries(parent.id());
            assertThat(runs(c, parent)).hasSize(3);
            BatchSummary third = runs(c, parent).get(0);
            assertThat(third.batch().status()).isEqualTo(BatchStatus.SCHEDULED);
            assertThat(third.batch().spec().name()).isEqualTo("renamed");
            assertThat(third.batch().occurrence()).as("missed occurrences are skipped").isGreaterThan(2);
            c.calls.cancelSeries(parent.id());
            assertThat(c.status(parent.id())).isEqualTo(BatchStatus.CANCELLED);
            assertThat(c.status(third.batch().id())).isEqualTo(BatchStatus.CANCELLED);
            c.step(Duration.ofDays(3));
            assertThat(runs(c, parent)).hasSize(3);
        }
    }
}
