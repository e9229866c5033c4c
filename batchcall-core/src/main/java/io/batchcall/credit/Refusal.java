package io.batchcall.credit;

import io.batchcall.IllegalStateTransitionException;
import java.util.Objects;

/**
 * Why the rules refused an operation; nothing changes. The adapter throws {@link #toException()}.
 *
 * @param reason the kind of refusal, which decides the exception type
 * @param message what was asked and why it cannot be done, naming the account, key and amounts
 */
public record Refusal(Reason reason, String message) {
    /** The kinds of refusal. */
    public enum Reason {
        /** A captured or released key held again: {@link IllegalStateTransitionException}. */
        ILLEGAL_TRANSITION,
        /** Amounts of different currencies: {@link IllegalArgumentException}. */
        CURRENCY_MISMATCH,
        /** A zero top-up, or a balance that would overflow: {@link IllegalArgumentException}. */
        INVALID_AMOUNT,
        /**
         * The purse holds less than the key's open hold in its currency, so the two were not read at
         * one moment (a store that reads them in one statement may see the key's row as it was
         * before a concurrent writer committed): the adapter loads them again and retries.
         * Thrown, it is an {@link IllegalStateException}.
         */
        INCONSISTENT_INPUT
    }

    /**
     * Validates the components (see the record description).
     *
     * @param reason the kind of refusal, which decides the exception type
     * @param message what was asked and why it cannot be done, naming the account, key and amounts
     * @throws NullPointerException if any of reason, message is null
     */
    public Refusal {
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /**
     * A new exception of the type the {@link io.batchcall.spi.CreditLedger} port specifies for this refusal.
     *
     * @return the exception, not thrown; its message is this refusal's message
     */
    public RuntimeException toException() {
        return switch (reason) {
            case ILLEGAL_TRANSITION -> new IllegalStateTransitionException(message);
            case INCONSISTENT_INPUT -> new IllegalStateException(message);
            default -> new IllegalArgumentException(message);
        };
    }
}
