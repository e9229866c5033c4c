package io.batchcall.credit;

import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import java.util.Objects;

/**
 * What a ledger has stored for one hold key of an account: nothing yet, an open hold, or how it
 * ended. A key moves {@code absent → open → captured | released}, or {@code absent → captured}
 * (a capture without a hold), or {@code released → captured} (a capture after a release); a
 * captured key never changes again.
 */
public sealed interface HoldState {
    /** The state of a key never seen. */
    HoldState ABSENT = new Absent();

    /**
     * The lower-case name a store may keep: {@code absent}, {@code open}, {@code captured} or {@code released}.
     *
     * @return the state's stored name
     */
    String name();

    /** Nothing stored for the key. */
    record Absent() implements HoldState {
        @Override
        public String name() {
            return "absent";
        }
    }

    /**
     * An open hold.
     *
     * @param amount the credit reserved, in the hold's currency
     */
    record Open(Money amount) implements HoldState {
        /**
         * Validates the amount.
         *
         * @param amount the credit reserved; not null
         * @throws NullPointerException if amount is null
         */
        public Open {
            Objects.requireNonNull(amount, "amount must not be null");
        }

        @Override
        public String name() {
            return "open";
        }
    }

    /**
     * Captured: the first capture's result, which every later capture returns.
     *
     * @param charged what was taken from the balance
     * @param shortfall what the cost exceeded the credit by (zero normally)
     */
    record Captured(Money charged, Money shortfall) implements HoldState {
        /**
         * Validates the amounts.
         *
         * @param charged what was taken from the balance; not null
         * @param shortfall what the cost exceeded the credit by; not null
         * @throws IllegalArgumentException if the amounts differ in currency
         * @throws NullPointerException if an amount is null
         */
        public Captured {
            Objects.requireNonNull(charged, "charged must not be null");
            Objects.requireNonNull(shortfall, "shortfall must not be null");
            if (!charged.currency().equals(shortfall.currency())) {
                throw new IllegalArgumentException("charged and shortfall must be in one currency, but were "
                        + charged + " and " + shortfall);
            }
        }

        /**
         * The capture as the port returns it.
         *
         * @return the capture with the same amounts
         */
        public Capture capture() {
            return new Capture(charged, shortfall);
        }

        @Override
        public String name() {
            return "captured";
        }
    }

    /**
     * Released: the hold was given back before any capture.
     *
     * @param amount the amount that had been held
     */
    record Released(Money amount) implements HoldState {
        /**
         * Validates the amount.
         *
         * @param amount the amount that had been held; not null
         * @throws NullPointerException if amount is null
         */
        public Released {
            Objects.requireNonNull(amount, "amount must not be null");
        }

        @Override
        public String name() {
            return "released";
        }
    }
}
