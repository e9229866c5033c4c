package io.batchcall.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.DispositionConflictException;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.AccountId;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.spi.CarrierUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The disposition rule and who-answered under random report sequences; the retry choice by outcome. */
class OutcomeRulesPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    static CallAttempt placed(RecipientStatus status) {
        boolean end = status.isTerminal();
        return new CallAttempt(AttemptId.of(9), RecipientId.of(3), BatchId.of(1), AccountId.of("acme"), 1,
                PhoneNumber.of("+14155552671"), "CA1", status, "node", T0, T0.plusSeconds(60), T0.plusSeconds(1),
                T0.plusSeconds(2), end ? T0.plusSeconds(30) : null, end ? Duration.ofSeconds(20) : null, null, null);
    }

    record Report(String code, Map<String, String> data) {
    }

    private static Gen<Report> reports() {
        return arbitrary().pick("confirmed", "call_back", "opt_out").zip(arbitrary().pick(Map.<String, String>of(),
                Map.of("summary", "ok"), Map.of("summary", "later")), Report::new);
    }

    @Test
    void aDispositionIsRecordedOnceTheFirstReportWins() {
        qt().withExamples(300).forAll(lists().of(reports()).ofSizeBetween(1, 6),
                arbitrary().pick(RecipientStatus.IN_PROGRESS, RecipientStatus.COMPLETED, RecipientStatus.BUSY))
                .checkAssert((reports, status) -> {
                    CallAttempt a = placed(status);
                    Report first = reports.get(0);
                    for (int i = 0; i < reports.size(); i++) {
                        Report r = reports.get(i);
                        Disposition d = Disposition.of(r.code(), r.data());
                        Instant at = T0.plusSeconds(100 + i);
                        if (a.disposition() != null && !a.disposition().sameAs(d)) {
                            CallAttempt loaded = a;
                            assertThatThrownBy(() -> OutcomeRules.disposition(loaded, d, at))
                                    .isInstanceOf(DispositionConflictException.class)
                                    .hasMessageContaining(loaded.disposition().code()).hasMessageContaining(r.code());
                            continue;
                        }
                        Optional<AttemptChange> change = OutcomeRules.disposition(a, d, at);
                        if (a.disposition() != null) {
                            assertThat(change).as("the same report again is a no-op").isEmpty();
                            continue;
                        }
                        AttemptChange c = change.orElseThrow();
                        assertThat(c.eventStatus()).isEqualTo("disposition");
                        assertThat(c.eventDetail()).isEqualTo(r.code());
                        assertThat(c.recipient()).isNull();
                        assertThat(c.after().status()).isEqualTo(a.status());
                        a = c.after();
                    }
                    assertThat(a.disposition().code()).isEqualTo(first.code());
                    assertThat(a.disposition().data()).isEqualTo(first.data());
                    assertThat(a.disposition().at()).isEqualTo(T0.plusSeconds(100));
                });
    }

    @Test
    void aDispositionNeedsAPlacedCall() {
        CallAttempt calling = new CallAttempt(AttemptId.of(9), RecipientId.of(3), BatchId.of(1), AccountId.of("acme"),
                1, PhoneNumber.of("+14155552671"), null, RecipientStatus.CALLING, "node", T0, T0.plusSeconds(60), null,
                T0, null, null, null, null);
        assertThatThrownBy(() -> OutcomeRules.disposition(calling, Disposition.of("confirmed", null), T0))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("never placed");
    }

    @Test
    void dispositionBoundsNameTheField() {
        assertThatThrownBy(() -> Disposition.of("x".repeat(65), null)).hasMessageContaining("disposition code")
                .hasMessageContaining("65 characters");
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> Disposition.of("ok", many)).hasMessageContaining("at most 20 entries")
                .hasMessageContaining("21");
        assertThatThrownBy(() -> Disposition.of("ok", Map.of("summary", "s".repeat(2001))))
                .hasMessageContaining("'summary'").hasMessageContaining("2000").hasMessageContaining("2001");
        assertThatThrownBy(() -> Disposition.of("ok", Map.of("callback_at", "4pm")))
                .hasMessageContaining("callback_at").hasMessageContaining("4pm");
    }

    record Step(RecipientStatus status, AnsweredBy answeredBy) {
    }

    private static Gen<Step> steps() {
        Gen<RecipientStatus> statuses = arbitrary().pick(RecipientStatus.INITIATED, RecipientStatus.RINGING,
                RecipientStatus.IN_PROGRESS, RecipientStatus.COMPLETED, RecipientStatus.NO_ANSWER);
        Gen<AnsweredBy> answers = integers().between(0, 5).map(i -> i >= AnsweredBy.values().length ? null
                : AnsweredBy.values()[i]);
        return statuses.zip(answers, Step::new);
    }

    /** Who answered arrives before or after in_progress or completed: it never moves the status back. */
    @Test
    void whoAnsweredKeepsTheFirstKnownValueAndNeverRegressesTheStatus() {
        qt().withExamples(500).forAll(lists().of(steps()).ofSizeBetween(1, 8)).checkAssert(steps -> {
            CallAttempt a = placed(RecipientStatus.INITIATED);
            AnsweredBy firstKnown = null;
            boolean anyUnknown = false;
            int rank = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                RecipientStatus before = a.status();
                Optional<AttemptChange> c = AttemptRules.carrierStatus(a, new CarrierUpdate(s.status(),
                        T0.plusSeconds(10 + i), "CA1", null, null, s.answeredBy()));
                if (c.isPresent()) {
                    a = c.get().after();
                }
                assertThat(before.advancesTo(a.status()) || before == a.status()).isTrue();
                assertThat(order(a.status())).isGreaterThanOrEqualTo(rank);
                rank = order(a.status());
                if (s.answeredBy() != null && s.answeredBy().isKnown() && firstKnown == null) {
                    firstKnown = s.answeredBy();
                }
                anyUnknown |= s.answeredBy() == AnsweredBy.UNKNOWN;
            }
            assertThat(a.answeredBy()).isEqualTo(firstKnown != null ? firstKnown : anyUnknown ? AnsweredBy.UNKNOWN
                    : null);
        });
    }

    private static int order(RecipientStatus s) {
        return s.isTerminal() ? 5 : s.ordinal();
    }

    @Test
    void aResultAfterTheEndIsRecordedAloneWithItsOwnEvent() {
        CallAttempt done = placed(RecipientStatus.COMPLETED);
        AttemptChange c = AttemptRules.carrierStatus(done, new CarrierUpdate(RecipientStatus.IN_PROGRESS,
                T0.plusSeconds(40), "CA1", null, null, AnsweredBy.MACHINE)).orElseThrow();
        assertThat(c.after()).isEqualTo(done.withAnsweredBy(AnsweredBy.MACHINE));
        assertThat(c.recipient()).isNull();
        assertThat(c.eventStatus()).isEqualTo("answered_by");
        assertThat(c.eventDetail()).isEqualTo("machine");
        assertThat(AttemptRules.carrierStatus(c.after(), new CarrierUpdate(RecipientStatus.IN_PROGRESS,
                T0.plusSeconds(41), "CA1", null, null, AnsweredBy.HUMAN))).isEmpty();
    }

    private static CallAttempt ended(RecipientStatus status, AnsweredBy by, String code, int number) {
        CallAttempt a = placed(status).withAnsweredBy(by);
        a = new CallAttempt(AttemptId.of(10L + number), a.recipientId(), a.batchId(), a.account(), number, a.to(),
                a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(), a.lastEventAt(),
                a.endedAt(), a.talkTime(), a.cost(), a.reason(), by, null);
        return code == null ? a : a.withDisposition(Disposition.of(code, null).recordedAt(T0));
    }

    @Test
    void theRetryFollowsTheDispositionThenTheOutcomeThenTheSingleDelay() {
        RetryPolicy policy = RetryPolicy.on(Set.of(RecipientStatus.BUSY), 3, Duration.ofMinutes(5))
                .withOutcome("no_answer", OutcomeRetry.after(Duration.ofHours(2), 3))
                .withOutcome("machine", OutcomeRetry.after(Duration.ofHours(1), 2).inNextWindowAfter(Duration.ofHours(20)))
                .withDisposition("call_back", OutcomeRetry.after(Duration.ofDays(1), 2));
        Instant end = T0.plusSeconds(30);
        CallAttempt busy = ended(RecipientStatus.BUSY, null, null, 1);
        assertThat(RetryRules.retryAt(policy, null, busy, List.of(busy), List.of()))
                .contains(end.plus(Duration.ofMinutes(5)));
        CallAttempt noAnswer = ended(RecipientStatus.NO_ANSWER, null, null, 1);
        assertThat(RetryRules.retryAt(policy, null, noAnswer, List.of(noAnswer), List.of()))
                .contains(end.plus(Duration.ofHours(2)));
        CallAttempt machine = ended(RecipientStatus.COMPLETED, AnsweredBy.MACHINE, null, 1);
        assertThat(RetryRules.retryAt(policy, MachinePolicy.HANG_UP_AND_RETRY, machine, List.of(machine), List.of()))
                .contains(end.plus(Duration.ofHours(20)));
        assertThat(RetryRules.retryAt(policy, MachinePolicy.REACHED, machine, List.of(machine), List.of()))
                .as("a machine is reached under REACHED").isEmpty();
        CallAttempt secondMachine = ended(RecipientStatus.COMPLETED, AnsweredBy.MACHINE, null, 2);
        assertThat(RetryRules.retryAt(policy, MachinePolicy.LEAVE_MESSAGE, secondMachine,
                List.of(machine, secondMachine), List.of())).as("two machine endings reach maxAttempts 2").isEmpty();
        CallAttempt callBack = ended(RecipientStatus.COMPLETED, AnsweredBy.HUMAN, "call_back", 1);
        assertThat(RetryRules.retryAt(policy, null, callBack, List.of(callBack), List.of()))
                .contains(end.plus(Duration.ofDays(1)));
        CallAttempt at = ended(RecipientStatus.COMPLETED, AnsweredBy.HUMAN, null, 1)
                .withDisposition(Disposition.of("confirmed", Map.of("callback_at", "2026-03-05T16:00:00Z")));
        assertThat(RetryRules.retryAt(policy, null, at, List.of(at), List.of()))
                .contains(Instant.parse("2026-03-05T16:00:00Z"));
        CallAttempt reached = ended(RecipientStatus.COMPLETED, AnsweredBy.HUMAN, "confirmed", 1);
        assertThat(RetryRules.retryAt(policy, null, reached, List.of(reached), List.of())).isEmpty();
    }

    @Test
    void aRunStartsAtItsLatestFirstDial() {
        CallAttempt oldRun = ended(RecipientStatus.BUSY, null, null, 1);
        CallAttempt first = ended(RecipientStatus.NO_ANSWER, null, null, 1);
        first = new CallAttempt(AttemptId.of(20), first.recipientId(), first.batchId(), first.account(), 1, first.to(),
                first.providerCallId(), first.status(), first.owner(), first.claimedAt(), first.leaseUntil(),
                first.placedAt(), first.lastEventAt(), first.endedAt(), first.talkTime(), first.cost(), first.reason());
        CallAttempt second = new CallAttempt(AttemptId.of(21), first.recipientId(), first.batchId(), first.account(), 2,
                first.to(), first.providerCallId(), RecipientStatus.NO_ANSWER, first.owner(), first.claimedAt(),
                first.leaseUntil(), first.placedAt(), first.lastEventAt(), first.endedAt(), first.talkTime(), null, null);
        assertThat(RetryRules.runOf(List.of(second, oldRun, first), second)).containsExactly(first, second);
    }
}
