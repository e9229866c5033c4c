package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.ACCOUNT;
import static io.batchcall.inmemory.scenario.Campaign.MONDAY_9AM;
import static io.batchcall.inmemory.scenario.Campaign.NEW_YORK;
import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.BatchCallException;
import io.batchcall.BatchSummary;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.schedule.CallWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningScenariosTest {
    @Test
    void sendNowCallsEveryoneOnceAndCompletes() {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            Batch b = c.draft(spec("now").build(), 60);
            assertThat(c.calls.send(b.id()).status()).isEqualTo(BatchStatus.RUNNING);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(2), Duration.ofSeconds(5));
            BatchSummary s = c.summary(b.id());
            assertThat(s.counts().total()).isEqualTo(60);
            assertThat(s.counts().completed() + s.counts().failed()).isEqualTo(60);
            assertThat(c.carrier.placedCalls()).hasSize(60);
            c.assertEveryNumberDialedAtMostOnce();
            assertThat(c.maxActiveSeen).isLessThanOrEqualTo(20);
            assertThat(c.carrier.maxConcurrent(ACCOUNT)).isBetween(2, 20);
            c.calls.runOnce();
            List<StatusEvent> batchEvents = c.events.stream().filter(StatusEvent::isBatchEvent).toList();
            assertThat(batchEvents).extracting(StatusEvent::status).containsSubsequence("running", "completed");
            assertThat(c.events).anyMatch(e -> e.status().equals("in_progress"));
        }
    }

    @Test
    void onlyDraftsAreEditableAndSendable() {
        try (Campaign c = new Campaign()) {
            c.fund("10");
            Batch b = c.draft(spec("edit").build(), 3);
            c.calls.updateDraft(b.id(), spec("renamed").build());
            c.calls.send(b.id());
            assertThatThrownBy(() -> c.calls.updateDraft(b.id(), spec("again").build()))
                    .isInstanceOf(IllegalStateTransitionException.class)
                    .hasMessage("batch " + b.id() + " is running; only drafts (and the config of a recurring series) "
                            + "can be edited");
            assertThatThrownBy(() -> c.calls.send(b.id())).hasMessageContaining("is running");
            assertThatThrownBy(() -> c.calls.deleteDraft(b.id())).hasMessageContaining("only drafts can be deleted");
            Batch empty = c.calls.createDraft(spec("empty").build());
            assertThatThrownBy(() -> c.calls.send(empty.id())).isInstanceOf(BatchCallException.class)
                    .hasMessageContaining("has no recipients");
            c.calls.deleteDraft(empty.id());
            assertThatThrownBy(() -> c.calls.batch(empty.id())).hasMessageContaining("does not exist");
        }
    }

    @Test
    void scheduledBatchStartsAtItsInstant() {
        try (Campaign c = new Campaign()) {
            c.fund("10");
            Instant start = MONDAY_9AM.plus(Duration.ofHours(2));
            Batch b = c.draft(spec("later").startAt(start).build(), 5);
            Batch sent = c.calls.send(b.id());
            assertThat(sent.status()).isEqualTo(BatchStatus.SCHEDULED);
            assertThat(sent.scheduledFor()).isEqualTo(start);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.RUNNING, Duration.ofHours(3), Duration.ofMinutes(1));
            assertThat(c.clock.instant()).isAfterOrEqualTo(start).isBefore(start.plus(Duration.ofMinutes(1)));
            assertThat(c.carrier.placedCalls()).isNotEmpty();
        }
    }

    @Test
    void windowClosesMidRunAndReopensNextDayAcrossTheDstChange() {
        // Friday 6 March 2026, 16:50 New York (EST). US clocks spring forward on Sunday 8 March.
        Instant fridayLate = ZonedDateTime.of(2026, 3, 6, 16, 50, 0, 0, NEW_YORK).toInstant();
        SimulationSettings slow = SimulationSettings.ofDefaults().withMix(1, 0, 0, 0)
                .withTalk(Duration.ofMinutes(2), Duration.ofMinutes(2));
        try (Campaign c = new Campaign(fridayLate, slow, b -> { })) {
            c.fund("100");
            Batch b = c.draft(spec("dst").batchLimit(2).build(), 30);
            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.PAUSED, Duration.ofHours(1), Duration.ofSeconds(30));
            Batch paused = c.summary(b.id()).batch();
            assertThat(paused.pauseReason()).isEqualTo(PauseReason.OUTSIDE_WINDOW);
            assertThat(c.clock.instant()).isAfterOrEqualTo(ZonedDateTime.of(2026, 3, 6, 17, 0, 0, 0, NEW_YORK)
                    .toInstant());
            int placedFriday = c.carrier.placedCalls().size();
            assertThat(placedFriday).isBetween(2, 29);
            // Nothing dials over the weekend; in-flight calls finished.
            c.runUntil(() -> c.status(b.id()) == BatchStatus.RUNNING, Duration.ofDays(3), Duration.ofMinutes(5));
            ZonedDateTime reopened = c.clock.instant().atZone(NEW_YORK);
            assertThat(reopened.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(reopened.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 5));
            assertThat(reopened.getOffset().getTotalSeconds()).isEqualTo(-4 * 3600); // EDT now
            assertThat(c.carrier.placedCalls().size()).isGreaterThanOrEqualTo(placedFriday);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofDays(1), Duration.ofSeconds(30));
            for (var call : c.carrier.placedCalls()) {
                assertThat(businessHoursOpenAtDial(c, call)).isTrue();
            }
            c.assertEveryNumberDialedAtMostOnce();
        }
    }

    private static boolean businessHoursOpenAtDial(Campaign c, io.batchcall.spi.CallRequest call) {
        var attempts = c.calls.attempts(call.recipientId());
        return attempts.stream().allMatch(a -> Campaign.businessHours().isOpen(a.claimedAt()));
    }

    @Test
    void overnightWindowDialsOnlyBetweenTenAtNightAndTwoInTheMorning() {
        CallWindow night = CallWindow.of(LocalTime.of(22, 0), LocalTime.of(2, 0), NEW_YORK)
                .withDays(EnumSet.allOf(DayOfWeek.class));
        try (Campaign c = new Campaign()) {
            c.fund("100");
            Batch b = c.draft(spec("night").window(night).batchLimit(1).build(), 40);
            assertThat(c.calls.send(b.id()).status()).isEqualTo(BatchStatus.PAUSED);
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofDays(3), Duration.ofMinutes(1));
            for (var call : c.carrier.placedCalls()) {
                for (var a : c.calls.attempts(call.recipientId())) {
                    LocalTime local = a.claimedAt().atZone(NEW_YORK).toLocalTime();
                    assertThat(local.isBefore(LocalTime.of(2, 0)) || !local.isBefore(LocalTime.of(22, 0)))
                            .as("dialed at %s", local).isTrue();
                }
            }
            assertThat(c.carrier.placedCalls()).hasSize(40);
        }
    }

    @Test
    void historyListsNewestFirstWithCounts() {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            Batch first = c.draft(spec("first").build(), 0, 5);
            Batch second = c.draft(spec("second").build(), 10, 3);
            c.calls.send(first.id());
            c.runUntil(() -> c.status(first.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            List<BatchSummary> page = c.calls.history(io.batchcall.HistoryQuery.of(ACCOUNT, 10));
            assertThat(page).extracting(s -> s.batch().id()).containsExactly(second.id(), first.id());
            assertThat(page.get(1).counts().completed() + page.get(1).counts().failed()).isEqualTo(5);
            assertThat(page.get(0).counts().pending()).isEqualTo(3);
            assertThat(c.calls.history(io.batchcall.HistoryQuery.of(ACCOUNT, 10)
                    .withStatuses(EnumSet.of(BatchStatus.COMPLETED)))).hasSize(1);
            assertThat(c.calls.history(io.batchcall.HistoryQuery.of(ACCOUNT, 1).before(second.id())))
                    .extracting(s -> s.batch().id()).containsExactly(first.id());
            assertThat(c.calls.recipients(first.id(), io.batchcall.spi.RecipientQuery.first(10)))
                    .allMatch(r -> r.status().isTerminal() && r.status() != RecipientStatus.SKIPPED);
        }
    }
}
