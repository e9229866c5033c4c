package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.IllegalStateTransitionException;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Hold;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CreditLedger}: holds, captures with shortfall, releases, idempotent
 * top-ups, currencies. Concurrency and a model-based property test are in
 * {@link CreditLedgerConcurrencyContract}. Subclass it and implement {@link #newLedger()}.
 */
public abstract class CreditLedgerContract {
    /** The account most tests use. */
    protected static final AccountId ACCOUNT = AccountId.of("acme");
    /** A second account, for isolation tests. */
    protected static final AccountId OTHER = AccountId.of("globex");
    /** US dollars. */
    protected static final Currency USD = Currency.getInstance("USD");
    /** Euros, for currency-mismatch tests. */
    protected static final Currency EUR = Currency.getInstance("EUR");

    /** The ledger under test: a fresh one from {@link #newLedger()} before every test. */
    protected CreditLedger ledger;

    /** {@return a fresh, empty ledger; called before every test} */
    protected abstract CreditLedger newLedger();

    @BeforeEach
    final void createLedger() {
        ledger = newLedger();
    }

    /**
     * An amount in US dollars.
     *
     * @param amount a decimal such as {@code "0.005"}
     * @return the amount
     */
    protected static Money usd(String amount) {
        return Money.usd(amount);
    }

    private Money available() {
        return ledger.available(ACCOUNT, USD);
    }

    @Test
    void anUnknownAccountHasNothing() {
        assertThat(ledger.available(AccountId.of("nobody"), USD)).isEqualTo(Money.zero(USD));
        assertThat(ledger.hold(AccountId.of("nobody"), usd("0.01"), "h")).isEmpty();
    }

    @Test
    void aHoldReservesCreditAndRepeatsByKey() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        Hold hold = ledger.hold(ACCOUNT, usd("0.30"), "a").orElseThrow();
        assertThat(hold).isEqualTo(new Hold(ACCOUNT, "a", usd("0.30")));
        assertThat(available()).isEqualTo(usd("0.70"));
        assertThat(ledger.hold(ACCOUNT, usd("0.50"), "a")).as("the existing hold").contains(hold);
        assertThat(available()).isEqualTo(usd("0.70"));
    }

    @Test
    void aHoldIsRefusedWhenTheAvailableBalanceIsTooLow() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, usd("0.30"), "a");
        assertThat(ledger.hold(ACCOUNT, usd("0.700001"), "b")).isEmpty();
        assertThat(available()).isEqualTo(usd("0.70"));
        assertThat(ledger.hold(ACCOUNT, usd("0.70"), "b")).isPresent();
        assertThat(available()).isEqualTo(Money.zero(USD));
        assertThat(ledger.hold(ACCOUNT, usd("0.000001"), "c")).isEmpty();
        assertThat(ledger.hold(ACCOUNT, Money.zero(USD), "d")).as("a zero hold always fits").isPresent();
        ledger.topUp(ACCOUNT, usd("0.01"), "t2");
        assertThat(ledger.hold(ACCOUNT, usd("0.01"), "c")).as("a refused key may be held later").isPresent();
    }

    @Test
    void captureConvertsTheHoldAtTheRealCost() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, usd("0.30"), "a");
        assertThat(ledger.capture(ACCOUNT, "a", usd("0.20"))).isEqualTo(new Capture(usd("0.20"), Money.zero(USD)));
        assertThat(available()).isEqualTo(usd("0.80"));
        ledger.hold(ACCOUNT, usd("0.30"), "b");
        assertThat(ledger.capture(ACCOUNT, "b", usd("0.50"))).as("beyond the hold, from the balance")
                .isEqualTo(new Capture(usd("0.50"), Money.zero(USD)));
        assertThat(available()).isEqualTo(usd("0.30"));
    }

    @Test
    void captureBeyondHoldAndBalanceReportsTheShortfall() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, usd("0.30"), "a");
        ledger.hold(ACCOUNT, usd("0.60"), "b");
        Capture c = ledger.capture(ACCOUNT, "a", usd("0.50"));
        assertThat(c).isEqualTo(new Capture(usd("0.40"), usd("0.10")));
        assertThat(available()).isEqualTo(Money.zero(USD));
        assertThat(ledger.capture(ACCOUNT, "b", usd("0.60"))).as("the other hold is intact")
                .isEqualTo(new Capture(usd("0.60"), Money.zero(USD)));
        assertThat(available()).isEqualTo(Money.zero(USD));
    }

    @Test
    void aRepeatedCaptureReturnsTheFirstResult() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, usd("0.30"), "a");
        Capture first = ledger.capture(ACCOUNT, "a", usd("0.25"));
        assertThat(ledger.capture(ACCOUNT, "a", usd("0.25"))).isEqualTo(first);
        assertThat(ledger.capture(ACCOUNT, "a", usd("0.90"))).isEqualTo(first);
        assertThat(available()).isEqualTo(usd("0.75"));
    }

    @Test
    void captureWithoutAHoldChargesTheAvailableBalance() {
        ledger.topUp(ACCOUNT, usd("0.30"), "t1");
        assertThat(ledger.capture(ACCOUNT, "a", usd("0.25"))).isEqualTo(new Capture(usd("0.25"), Money.zero(USD)));
        assertThat(ledger.capture(ACCOUNT, "b", usd("0.25"))).isEqualTo(new Capture(usd("0.05"), usd("0.20")));
        assertThat(available()).isEqualTo(Money.zero(USD));
        assertThat(ledger.capture(OTHER, "c", usd("0.10"))).isEqualTo(new Capture(Money.zero(USD), usd("0.10")));
    }

    @Test
    void releaseDropsTheHoldOnce() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, usd("0.30"), "a");
        ledger.release(ACCOUNT, "a");
        ledger.release(ACCOUNT, "a");
        ledger.release(ACCOUNT, "never-held");
        assertThat(available()).isEqualTo(usd("1.00"));
        assertThat(ledger.capture(ACCOUNT, "a", usd("0.10"))).as("after release, from the balance")
                .isEqualTo(new Capture(usd("0.10"), Money.zero(USD)));
        ledger.release(ACCOUNT, "a");
        assertThat(available()).as("release after capture changes nothing").isEqualTo(usd("0.90"));
    }

    @Test
    void aClosedHoldKeyCannotBeHeldAgain() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, usd("0.10"), "captured");
        ledger.capture(ACCOUNT, "captured", usd("0.10"));
        ledger.hold(ACCOUNT, usd("0.10"), "released");
        ledger.release(ACCOUNT, "released");
        assertThatThrownBy(() -> ledger.hold(ACCOUNT, usd("0.10"), "captured"))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("captured");
        assertThatThrownBy(() -> ledger.hold(ACCOUNT, usd("0.10"), "released"))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("released");
        assertThat(available()).isEqualTo(usd("0.90"));
    }

    @Test
    void topUpCountsOncePerKeyAndAccount() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.topUp(ACCOUNT, usd("5.00"), "t1");
        ledger.topUp(OTHER, usd("2.00"), "t1");
        ledger.topUp(ACCOUNT, usd("0.000001"), "t2");
        assertThat(available()).isEqualTo(usd("1.000001"));
        assertThat(ledger.available(OTHER, USD)).isEqualTo(usd("2.00"));
    }

    @Test
    void topUpNeedsAPositiveAmount() {
        assertThatThrownBy(() -> ledger.topUp(ACCOUNT, Money.zero(USD), "t0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive")
                .hasMessageContaining("USD 0");
        assertThat(available()).isEqualTo(Money.zero(USD));
    }

    @Test
    void topUpKeysAndHoldKeysAreSeparate() {
        ledger.topUp(ACCOUNT, usd("1.00"), "same");
        assertThat(ledger.hold(ACCOUNT, usd("0.40"), "same")).isPresent();
        ledger.topUp(ACCOUNT, usd("1.00"), "same");
        assertThat(available()).isEqualTo(usd("0.60"));
    }

    @Test
    void holdingAnOpenKeyInAnotherCurrencyAnswersTheExistingHold() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        Hold hold = ledger.hold(ACCOUNT, usd("0.30"), "a").orElseThrow();
        assertThat(ledger.hold(ACCOUNT, Money.of("0.10", "EUR"), "a")).contains(hold);
        assertThat(ledger.available(ACCOUNT, EUR)).isEqualTo(Money.zero(EUR));
        assertThat(available()).isEqualTo(usd("0.70"));
    }

    @Test
    void aReleasedHoldMayBeCapturedInAnotherCurrency() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.topUp(ACCOUNT, Money.of("1.00", "EUR"), "t2");
        ledger.hold(ACCOUNT, usd("0.30"), "a");
        ledger.release(ACCOUNT, "a");
        assertThat(ledger.capture(ACCOUNT, "a", Money.of("0.40", "EUR")))
                .isEqualTo(new Capture(Money.of("0.40", "EUR"), Money.zero(EUR)));
        assertThat(available()).isEqualTo(usd("1.00"));
        assertThat(ledger.available(ACCOUNT, EUR)).isEqualTo(Money.of("0.60", "EUR"));
        assertThat(ledger.capture(ACCOUNT, "a", usd("0.10"))).as("the first result, whatever the currency")
                .isEqualTo(new Capture(Money.of("0.40", "EUR"), Money.zero(EUR)));
    }

    @Test
    void aRefusedOperationChangesNothing() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t1");
        ledger.hold(ACCOUNT, Money.of("0", "EUR"), "eur");
        assertThatThrownBy(() -> ledger.capture(ACCOUNT, "eur", usd("0.50")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eur");
        assertThat(available()).isEqualTo(usd("1.00"));
        assertThat(ledger.capture(ACCOUNT, "eur", Money.of("0", "EUR")))
                .as("the hold is still open").isEqualTo(new Capture(Money.zero(EUR), Money.zero(EUR)));
    }

    @Test
    void currenciesAreKeptApart() {
        ledger.topUp(ACCOUNT, usd("1.00"), "t-usd");
        ledger.topUp(ACCOUNT, Money.of("2.00", "EUR"), "t-eur");
        assertThat(available()).isEqualTo(usd("1.00"));
        assertThat(ledger.available(ACCOUNT, EUR)).isEqualTo(Money.of("2.00", "EUR"));
        Optional<Hold> eur = ledger.hold(ACCOUNT, Money.of("1.50", "EUR"), "h-eur");
        assertThat(eur).isPresent();
        assertThat(ledger.hold(ACCOUNT, usd("1.50"), "h-usd")).isEmpty();
        assertThat(ledger.available(ACCOUNT, EUR)).isEqualTo(Money.of("0.50", "EUR"));
        assertThat(available()).isEqualTo(usd("1.00"));
        assertThatThrownBy(() -> ledger.capture(ACCOUNT, "h-eur", usd("0.10")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.capture(ACCOUNT, "h-eur", Money.of("1.00", "EUR")).charged())
                .isEqualTo(Money.of("1.00", "EUR"));
        assertThat(ledger.available(ACCOUNT, EUR)).isEqualTo(Money.of("1.00", "EUR"));
    }
}
