package io.batchcall.model;

/**
 * The slots one claim may take, combining the account's limits with the batch's own limit. The
 * engine builds it at each claim from the {@link AccountLimits} the host supplies and the batch's
 * {@link BatchSpec#batchLimit()}; stores only apply it.
 *
 * <p>The account may have at most {@code accountCap} active calls (outbound in every batch plus
 * the inbound calls the host reports), and keeps {@code reserved} of them free: a batch dials only
 * while the account has fewer than {@code accountCap - reserved} active calls, and while the batch
 * itself has fewer than {@code batchLimit} (at most {@code accountCap - reserved}).
 * @param accountCap the most calls the account may have active at once, 1 to 100000
 * @param reserved slots of the cap kept free for inbound and other traffic, 0 to {@code accountCap - 1}
 * @param batchLimit the most calls this batch may have active at once, 1 to {@code accountCap - reserved}
 */
public record ConcurrencyPolicy(int accountCap, int reserved, int batchLimit) {
    /**
     * Validates the components (see the record description).
     *
     * @param accountCap the most calls the account may have active at once, 1 to 100000
     * @param reserved slots of the cap kept free for inbound and other traffic, 0 to {@code accountCap - 1}
     * @param batchLimit the most calls this batch may have active at once, 1 to {@code accountCap - reserved}
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public ConcurrencyPolicy {
        AccountLimits limits = new AccountLimits(accountCap, reserved); // validates cap and reserved
        if (batchLimit < 1 || batchLimit > limits.outboundCeiling()) {
            throw new IllegalArgumentException("batchLimit must be between 1 and accountCap - reserved ("
                    + limits.outboundCeiling() + "), but was " + batchLimit);
        }
    }

    /**
     * Cap 20, nothing reserved, the batch may use all 20.
     *
     * @return the default policy
     */
    public static ConcurrencyPolicy ofDefaults() {
        return of(AccountLimits.ofDefaults(), null);
    }

    /**
     * The batch may use every slot that is not reserved.
     *
     * @param accountCap the account's cap, 1 to 100000
     * @param reserved slots kept free, 0 to {@code accountCap - 1}
     * @return the policy
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ConcurrencyPolicy of(int accountCap, int reserved) {
        return of(new AccountLimits(accountCap, reserved), null);
    }

    /**
     * The policy for one claim: the account's limits, and the batch's own limit when it has one. A
     * batch limit above the account's outbound ceiling does not bind (the account's limit does).
     *
     * @param account the account's cap and reserved slots; not null
     * @return the policy
     * @param batchLimit the batch's own limit, or null for none
     */
    public static ConcurrencyPolicy of(AccountLimits account, Integer batchLimit) {
        int ceiling = account.outboundCeiling();
        int limit = batchLimit == null ? ceiling : Math.min(batchLimit, ceiling);
        return new ConcurrencyPolicy(account.cap(), account.reserved(), limit);
    }

    /**
     * The same cap and reservation, with the batch limited to {@code limit} slots.
     *
     * @param limit 1 to {@code accountCap - reserved}
     * @return the copy
     * @throws IllegalArgumentException if limit is out of range
     */
    public ConcurrencyPolicy withBatchLimit(int limit) {
        return new ConcurrencyPolicy(accountCap, reserved, limit);
    }

    /**
     * The account-wide ceiling this batch dials under: {@code accountCap - reserved}.
     *
     * @return {@code accountCap - reserved}
     */
    public int outboundCeiling() {
        return accountCap - reserved;
    }

    /**
     * Free slots for one more round of dials.
     *
     * @return how many more calls this batch may start now, zero or more
     * @param accountActive active calls of the whole account, inbound included
     * @param batchActive active calls of this batch
     */
    public int freeSlots(int accountActive, int batchActive) {
        return Math.max(0, Math.min(outboundCeiling() - accountActive, batchLimit - batchActive));
    }
}
