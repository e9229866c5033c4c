package io.batchcall.credit;

import java.util.Objects;

/**
 * What a top-up decided: the purse to store and whether the key was new (then the adapter
 * records the key with the purse), or a refusal with the purse unchanged.
 *
 * @param purse the purse after the top-up
 * @param applied whether the amount was added (false for a key already used)
 * @param refusal why nothing was done; null unless refused
 */
public record TopUpDecision(Purse purse, boolean applied, Refusal refusal) {
    /**
     * Validates the components (see the record description).
     *
     * @param purse the purse after the top-up
     * @param applied whether the amount was added (false for a key already used)
     * @param refusal why nothing was done; null unless refused
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if purse is null
     */
    public TopUpDecision {
        Objects.requireNonNull(purse, "purse must not be null");
        if (applied && refusal != null) {
            throw new IllegalArgumentException("a refused top-up cannot be applied: " + refusal);
        }
    }

    /**
     * Whether the rules refused the top-up.
     *
     * @return true when {@link #refusal()} is not null
     */
    public boolean refused() {
        return refusal != null;
    }

    /** Throws the refusal as the port specifies, if any. */
    public void throwIfRefused() {
        if (refusal != null) {
            throw refusal.toException();
        }
    }
}
