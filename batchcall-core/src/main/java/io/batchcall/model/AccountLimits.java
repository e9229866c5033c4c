package io.batchcall.model;

/**
 * The concurrency limits of one account, supplied by the host (see
 * {@link io.batchcall.spi.AccountLimitsProvider}). They belong to the account, never to a batch,
 * so two batches of one account cannot disagree about them.
 *
 * @param cap the most calls the account may have active at once: outbound in every batch plus the
 *     inbound calls the host reports; 1 to 100000
 * @param reserved slots kept free for inbound and other traffic: batches dial only while the
 *     account has fewer than {@code cap - reserved} active calls; 0 to {@code cap - 1}
 */
public record AccountLimits(int cap, int reserved) {
    /** The cap used when the host supplies none: 20 simultaneous calls. */
    public static final int DEFAULT_CAP = 20;

    /**
     * Validates the components (see the record description).
     *
     * @param cap the most calls the account may have active at once: outbound in every batch plus the inbound
     *     calls the host reports; 1 to 100000
     * @param reserved slots kept free for inbound and other traffic: batches dial only while the account has
     *     fewer than {@code cap - reserved} active calls; 0 to {@code cap - 1}
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public AccountLimits {
        if (cap < 1 || cap > 100_000) {
            throw new IllegalArgumentException("cap must be between 1 and 100000, but was " + cap);
        }
        if (reserved < 0 || reserved >= cap) {
            throw new IllegalArgumentException("reserved must be between 0 and cap - 1 (" + (cap - 1) + "), but was "
                    + reserved);
        }
    }

    /**
     * Cap 20, nothing reserved.
     *
     * @return the default limits
     */
    public static AccountLimits ofDefaults() {
        return new AccountLimits(DEFAULT_CAP, 0);
    }

    /**
     * The ceiling that outbound dialing works under: {@code cap - reserved}.
     *
     * @return {@code cap - reserved}, at least 1
     */
    public int outboundCeiling() {
        return cap - reserved;
    }
}
