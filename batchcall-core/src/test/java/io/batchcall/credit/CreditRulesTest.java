package io.batchcall.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.credit.HoldState.Captured;
import io.batchcall.credit.HoldState.Open;
import io.batchcall.credit.HoldState.Released;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.Hold;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule of {@link CreditRules} on hand-picked cases; the invariants are in {@link CreditRulesPropertiesTest}. */
class CreditRulesTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money usd(String amount) {
        return Money.usd(amount);
    }

    private static Purse purse(String balance, String held) {
        return new Purse(USD, usd(balance).micros(), usd(held).micros());
    }

    @Test
    void aHoldReservesWhatIsAvailable() {
        Decision<Optional<Hold>> d = CreditRules.hold(ACME, "a", usd("0.30"), purse("1", "0.60"), HoldState.ABSENT);
        assertThat(d.answer()).contains(new Hold(ACME, "a", usd("0.30")));
        assertThat(d.purse()).isEqualTo(purse("1", "0.90"));
        assertThat(d.hold()).isEqualTo(new Open(usd("0.30")));
    }

    @Test
    void aHoldBeyondTheAvailableBalanceIsAnsweredEmptyAndChangesNothing() {
        Decision<Optional<Hold>> d = CreditRules.hold(ACME, "a", usd("0.400001"), purse("1", "0.60"),
                HoldState.ABSENT);
        assertThat(d.answer()).isEmpty();
        assertThat(d.purse()).isEqualTo(purse("1", "0.60"));
        assertThat(d.hold()).isEqualTo(HoldState.ABSENT);
        assertThat(CreditRules.hold(ACME, "z", Money.zero(USD), Purse.empty(USD), HoldState.ABSENT).answer())
                .as("zero always fits").isPresent();
    }

    @Test
    void holdingAnOpenKeyAgainAnswersTheExistingHold() {
        Open open = new Open(Money.of("0.20", "EUR"));
        Decision<Optional<Hold>> d = CreditRules.hold(ACME, "a", usd("5"), purse("1", "0"), open);
        assertThat(d.answer()).contains(new Hold(ACME, "a", Money.of("0.20", "EUR")));
        assertThat(d.purse()).isEqualTo(purse("1", "0"));
        assertThat(d.hold()).isSameAs(open);
    }

    @Test
    void aClosedKeyCannotBeHeldAgain() {
        Decision<Optional<Hold>> captured = CreditRules.hold(ACME, "a", usd("0.1"), purse("1", "0"),
                new Captured(usd("0.1"), Money.zero(USD)));
        assertThat(captured.refusal().reason()).isEqualTo(Refusal.Reason.ILLEGAL_TRANSITION);
        assertThatThrownBy(captured::answerOrThrow).isInstanceOf(IllegalStateTransitionException.class)
                .hasMessageContaining("'a'").hasMessageContaining("acme").hasMessageContaining("captured");
        Decision<Optional<Hold>> released = CreditRules.hold(ACME, "a", usd("0.1"), purse("1", "0"),
                new Released(usd("0.1")));
        assertThatThrownBy(released::answerOrThrow).isInstanceOf(IllegalStateTransitionException.class)
                .hasMessageContaining("released");
        assertThat(released.purse()).isEqualTo(purse("1", "0"));
    }

    @Test
    void captureConsumesTheHoldAndChargesTheRealCost() {
        Decision<Capture> less = CreditRules.capture(ACME, "a", usd("0.20"), purse("1", "0.30"), new Open(usd("0.30")));
        assertThat(less.answer()).isEqualTo(new Capture(usd("0.20"), Money.zero(USD)));
        assertThat(less.purse()).isEqualTo(purse("0.80", "0"));
        assertThat(less.hold()).isEqualTo(new Captured(usd("0.20"), Money.zero(USD)));
        Decision<Capture> more = CreditRules.capture(ACME, "a", usd("0.50"), purse("1", "0.30"), new Open(usd("0.30")));
        assertThat(more.answer()).as("beyond the hold, from the balance").isEqualTo(new Capture(usd("0.50"),
                Money.zero(USD)));
        assertThat(more.purse()).isEqualTo(purse("0.50", "0"));
    }

    @Test
    void captureBeyondHoldAndAvailableReportsTheShortfall() {
        Decision<Capture> d = CreditRules.capture(ACME, "a", usd("0.50"), purse("1", "0.90"), new Open(usd("0.30")));
        assertThat(d.answer()).isEqualTo(new Capture(usd("0.40"), usd("0.10")));
        assertThat(d.purse()).isEqualTo(purse("0.60", "0.60"));
    }

    @Test
    void captureWithoutAnOpenHoldChargesTheAvailableBalance() {
        for (HoldState state : new HoldState[] {HoldState.ABSENT, new Released(usd("0.30"))}) {
            Decision<Capture> d = CreditRules.capture(ACME, "a", usd("0.25"), purse("0.30", "0.10"), state);
            assertThat(d.answer()).as("from %s", state).isEqualTo(new Capture(usd("0.20"), usd("0.05")));
            assertThat(d.purse()).isEqualTo(purse("0.10", "0.10"));
            assertThat(d.hold()).isEqualTo(new Captured(usd("0.20"), usd("0.05")));
        }
    }

    @Test
    void aRepeatedCaptureAnswersTheFirstResult() {
        Captured first = new Captured(usd("0.25"), Money.zero(USD));
        Decision<Capture> d = CreditRules.capture(ACME, "a", usd("0.90"), purse("0.75", "0"), first);
        assertThat(d.answer()).isEqualTo(first.capture());
        assertThat(d.purse()).isEqualTo(purse("0.75", "0"));
        Decision<Capture> otherCurrency = CreditRules.capture(ACME, "a", Money.of("1", "EUR"), Purse.empty(EUR), first);
        assertThat(otherCurrency.answer()).as("whatever the currency").isEqualTo(first.capture());
    }

    @Test
    void aCaptureInAnotherCurrencyThanItsOpenHoldIsRefused() {
        Decision<Capture> d = CreditRules.capture(ACME, "h-eur", usd("0.10"), purse("1", "0"),
                new Open(Money.of("1.50", "EUR")));
        assertThat(d.refused()).isTrue();
        assertThatThrownBy(d::answerOrThrow).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD 0.1").hasMessageContaining("h-eur");
        assertThat(d.purse()).isEqualTo(purse("1", "0"));
    }

    @Test
    void releaseGivesBackAnOpenHoldOnly() {
        Decision<Boolean> d = CreditRules.release(ACME, "a", purse("1", "0.30"), new Open(usd("0.30")));
        assertThat(d.answer()).isTrue();
        assertThat(d.purse()).isEqualTo(purse("1", "0"));
        assertThat(d.hold()).isEqualTo(new Released(usd("0.30")));
        for (HoldState state : new HoldState[] {HoldState.ABSENT, new Released(usd("0.30")),
                new Captured(usd("0.1"), Money.zero(USD))}) {
            Decision<Boolean> none = CreditRules.release(ACME, "a", null, state);
            assertThat(none.answer()).as("release of %s", state).isFalse();
            assertThat(none.hold()).isEqualTo(state);
            assertThat(none.purse()).isNull();
        }
    }

    @Test
    void topUpAddsOncePerKey() {
        TopUpDecision d = CreditRules.topUp(ACME, "t1", usd("1"), purse("0.5", "0.5"), false);
        assertThat(d.applied()).isTrue();
        assertThat(d.purse()).isEqualTo(purse("1.5", "0.5"));
        TopUpDecision again = CreditRules.topUp(ACME, "t1", usd("5"), d.purse(), true);
        assertThat(again.applied()).isFalse();
        assertThat(again.refused()).isFalse();
        assertThat(again.purse()).isEqualTo(d.purse());
    }

    @Test
    void aTopUpMustBePositiveAndFit() {
        TopUpDecision zero = CreditRules.topUp(ACME, "t0", Money.zero(USD), Purse.empty(USD), false);
        assertThatThrownBy(zero::throwIfRefused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive").hasMessageContaining("USD 0");
        assertThat(CreditRules.topUp(ACME, "t0", Money.zero(USD), Purse.empty(USD), true).refused())
                .as("even under a used key").isTrue();
        TopUpDecision overflow = CreditRules.topUp(ACME, "t2", Money.ofMicros(2, USD),
                new Purse(USD, Long.MAX_VALUE - 1, 0), false);
        assertThat(overflow.refusal().reason()).isEqualTo(Refusal.Reason.INVALID_AMOUNT);
        assertThat(overflow.purse()).isEqualTo(new Purse(USD, Long.MAX_VALUE - 1, 0));
    }

    @Test
    void aPurseInAnotherCurrencyIsRefused() {
        assertThat(CreditRules.hold(ACME, "a", usd("1"), Purse.empty(EUR), HoldState.ABSENT).refusal().reason())
                .isEqualTo(Refusal.Reason.CURRENCY_MISMATCH);
        assertThat(CreditRules.capture(ACME, "a", usd("1"), Purse.empty(EUR), HoldState.ABSENT).refused()).isTrue();
        assertThat(CreditRules.release(ACME, "a", Purse.empty(EUR), new Open(usd("0"))).refused()).isTrue();
        assertThat(CreditRules.topUp(ACME, "a", usd("1"), Purse.empty(EUR), false).refused()).isTrue();
    }

    @Test
    void aPurseHoldingLessThanTheOpenHoldWasNotReadWithIt() {
        Decision<Capture> capture = CreditRules.capture(ACME, "a", usd("0.25"), purse("1", "0.10"),
                new Open(usd("0.30")));
        assertThat(capture.refusal().reason()).isEqualTo(Refusal.Reason.INCONSISTENT_INPUT);
        assertThatThrownBy(capture::answerOrThrow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("USD 0.1").hasMessageContaining("USD 0.3").hasMessageContaining("'a'");
        assertThat(capture.purse()).isEqualTo(purse("1", "0.10"));
        assertThat(CreditRules.release(ACME, "a", purse("1", "0.10"), new Open(usd("0.30"))).refusal().reason())
                .isEqualTo(Refusal.Reason.INCONSISTENT_INPUT);
    }

    @Test
    void invalidArgumentsThrowAtOnce() {
        assertThatThrownBy(() -> CreditRules.hold(ACME, "", usd("1"), Purse.empty(USD), HoldState.ABSENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must not be empty");
        assertThatThrownBy(() -> CreditRules.capture(null, "a", usd("1"), Purse.empty(USD), HoldState.ABSENT))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("account");
        assertThatThrownBy(() -> CreditRules.release(ACME, "a", null, new Open(usd("1"))))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("purse");
    }

    @Test
    void aPurseNeverHasANegativeAvailableBalance() {
        assertThatThrownBy(() -> new Purse(USD, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balanceMicros must be at least heldMicros (2), but was 1");
        assertThatThrownBy(() -> new Purse(USD, 0, -1)).hasMessageContaining("heldMicros must not be negative");
        assertThat(new Purse(USD, 5, 2).available()).isEqualTo(Money.ofMicros(3, USD));
    }

    @Test
    void aDecisionHasAnAnswerOrARefusal() {
        assertThatThrownBy(() -> new Decision<>(Purse.empty(USD), HoldState.ABSENT, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision<>(Purse.empty(USD), HoldState.ABSENT, true,
                new Refusal(Refusal.Reason.INVALID_AMOUNT, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Captured(usd("1"), Money.zero(EUR))).hasMessageContaining("one currency");
    }
}
