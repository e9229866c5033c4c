package io.batchcall.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.spi.Capture;
import io.batchcall.spi.Hold;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The ledger's invariants over random histories decided by {@link CreditRules} (see {@link Book}). */
class CreditRulesPropertiesTest {

    /** Round amounts one micro either side, so exact fits and one-micro misses are common; top-ups rare. */
    static Gen<Book.Op> ops() {
        Gen<Long> micros = integers().between(0, 40).zip(integers().between(-1, 1),
                (units, delta) -> (long) Math.max(0, units * 10_000 + delta));
        Gen<Integer> kind = integers().between(0, 9).map(d -> d == 0 ? 0 : d <= 4 ? 1 : d <= 7 ? 2 : 3);
        Gen<Integer> currency = integers().between(0, 9).map(d -> d == 0 ? 1 : 0);
        return kind.zip(integers().between(0, 5), micros, currency, Book.Op::new);
    }

    static Gen<List<Book.Op>> histories() {
        return lists().of(ops()).ofSizeBetween(1, 80);
    }

    @Test
    void balancesNeverGoNegativeAndAvailableIsBalanceMinusHeld() {
        qt().withExamples(500).forAll(histories()).checkAssert(ops -> {
            Book book = new Book();
            for (Book.Op op : ops) {
                book.apply(op);
                for (Purse p : book.purses.values()) {
                    assertThat(p.balanceMicros()).as("balance after %s in %s", op, ops).isNotNegative();
                    assertThat(p.heldMicros()).isNotNegative();
                    assertThat(p.availableMicros()).isNotNegative()
                            .isEqualTo(p.balanceMicros() - p.heldMicros());
                    assertThat(p.available()).isEqualTo(p.balance().minus(p.held()));
                }
            }
        });
    }

    @Test
    void topUpsMinusCapturesIsTheBalanceAndOpenHoldsAreTheHeldAmount() {
        qt().withExamples(500).forAll(histories()).checkAssert(ops -> {
            Book book = new Book();
            for (Book.Op op : ops) {
                book.apply(op);
                for (Currency c : Book.CURRENCIES) {
                    Purse p = book.purse(c);
                    assertThat(p.balanceMicros()).as("after %s in %s", op, ops)
                            .isEqualTo(book.toppedUp.getOrDefault(c, 0L) - book.charged.getOrDefault(c, 0L));
                    long open = book.holds.values().stream()
                            .filter(h -> h instanceof HoldState.Open o && o.amount().currency().equals(c))
                            .mapToLong(h -> ((HoldState.Open) h).amount().micros()).sum();
                    assertThat(p.heldMicros()).isEqualTo(open);
                }
            }
        });
    }

    @Test
    void repeatingAnOperationChangesNothingAndAnswersTheSame() {
        qt().withExamples(500).forAll(histories()).checkAssert(ops -> {
            Book book = new Book();
            for (Book.Op op : ops) {
                Book.Step first = book.apply(op);
                var purses = java.util.Map.copyOf(book.purses);
                var holds = java.util.Map.copyOf(book.holds);
                Book.Step again = book.apply(op);
                assertThat(book.purses).as("purses after repeating %s in %s", op, ops).isEqualTo(purses);
                assertThat(book.holds).isEqualTo(holds);
                assertThat(again.refusal()).isEqualTo(first.refusal());
                if (op.kind() == 1 || op.kind() == 2) {
                    assertThat(again.answer()).isEqualTo(first.answer());
                } else if (first.refusal() == null) {
                    assertThat(again.answer()).as("a repeated top-up or release does nothing").isEqualTo(false);
                }
            }
        });
    }

    @Test
    void eachOperationFollowsItsRule() {
        qt().withExamples(500).forAll(histories()).checkAssert(ops -> {
            Book book = new Book();
            for (Book.Op op : ops) {
                Book.Step s = book.apply(op);
                switch (op.kind()) {
                    case 1 -> checkHold(op, s);
                    case 2 -> checkCapture(op, s);
                    case 3 -> checkRelease(s);
                    default -> assertThat(s.refusal() != null).isEqualTo(op.micros() == 0);
                }
            }
        });
    }

    private static void checkHold(Book.Op op, Book.Step s) {
        if (s.stateBefore() instanceof HoldState.Open open) {
            assertThat(s.answer()).isEqualTo(Optional.of(new Hold(Book.ACCOUNT, op.keyName(), open.amount())));
            assertThat(s.after()).isEqualTo(s.before());
        } else if (!(s.stateBefore() instanceof HoldState.Absent)) {
            assertThat(s.refusal().reason()).isEqualTo(Refusal.Reason.ILLEGAL_TRANSITION);
            assertThat(s.refusal().toException()).hasMessageContaining(s.stateBefore().name());
        } else if (s.before().availableMicros() >= op.micros()) {
            assertThat(s.answer()).isEqualTo(Optional.of(new Hold(Book.ACCOUNT, op.keyName(), op.amount())));
            assertThat(s.after().availableMicros()).isEqualTo(s.before().availableMicros() - op.micros());
            assertThat(s.stateAfter()).isEqualTo(new HoldState.Open(op.amount()));
        } else {
            assertThat(s.answer()).isEqualTo(Optional.empty());
            assertThat(s.after()).isEqualTo(s.before());
            assertThat(s.stateAfter()).isEqualTo(HoldState.ABSENT);
        }
    }

    private static void checkCapture(Book.Op op, Book.Step s) {
        if (s.stateBefore() instanceof HoldState.Captured done) {
            assertThat(s.answer()).isEqualTo(done.capture());
            assertThat(s.after()).isEqualTo(s.before());
            return;
        }
        if (s.stateBefore() instanceof HoldState.Open open && !open.amount().currency().equals(op.amount().currency())) {
            assertThat(s.refusal().reason()).isEqualTo(Refusal.Reason.CURRENCY_MISMATCH);
            assertThat(s.after()).isEqualTo(s.before());
            return;
        }
        Capture c = (Capture) s.answer();
        long held = s.stateBefore() instanceof HoldState.Open open ? open.amount().micros() : 0;
        assertThat(c.charged().plus(c.shortfall())).isEqualTo(op.amount());
        assertThat(c.charged().micros()).isEqualTo(Math.min(op.micros(), s.before().availableMicros() + held));
        assertThat(s.after().balanceMicros()).isEqualTo(s.before().balanceMicros() - c.charged().micros());
        assertThat(s.after().heldMicros()).isEqualTo(s.before().heldMicros() - held);
        if (!c.shortfall().isZero()) {
            assertThat(s.after().availableMicros()).as("a shortfall takes everything available").isZero();
        }
        assertThat(s.stateAfter()).isEqualTo(new HoldState.Captured(c.charged(), c.shortfall()));
    }

    private static void checkRelease(Book.Step s) {
        if (s.stateBefore() instanceof HoldState.Open open) {
            assertThat(s.answer()).isEqualTo(true);
            assertThat(s.after().availableMicros()).isEqualTo(s.before().availableMicros() + open.amount().micros());
            assertThat(s.stateAfter()).isEqualTo(new HoldState.Released(open.amount()));
        } else {
            assertThat(s.answer()).isEqualTo(false);
            assertThat(s.stateAfter()).isEqualTo(s.stateBefore());
        }
    }
}
