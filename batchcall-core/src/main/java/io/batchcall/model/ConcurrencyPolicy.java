package io.batchcall.model;

/**
 * How many calls may be active at once.
 *
 * <p>The account may have at most {@code accountCap} active calls (outbound in every batch plus
 * the inbound calls the host reports). A batch keeps {@code reserved} of those slots free for
 * inbound and other traffic: it dials only while the account has fewer than
 * {@code accountCap - reserved} active calls, and while the batch itself has fewer than
 * {@code batchLimit} (at most {@code accountCap - reserved}).
 */
public record ConcurrencyPolicy(int accountCap, int reserved, int batchLimit) {
    /** The account cap used when none is given: 20 simultaneous calls. */
    public static final int DEFAULT_ACCOUNT_CAP = 20;

    public ConcurrencyPolicy {
        if (accountCap < 1 || accountCap > 100_000) {
            throw new IllegalArgumentException("accountCap must be between 1 and 100000, but was " + accountCap);
        }
        if (reserved < 0 || reserved >= accountCap) {
            throw new IllegalArgumentException("reserved must be between 0 and accountCap - 1 (" + (accountCap - 1)
                    + "), but was " + reserved);
        }
        if (batchLimit < 1 || batchLimit > accountCap - reserved) {
            throw new IllegalArgumentException("batchLimit must be between 1 and accountCap - reserved ("
                    + (accountCap - reserved) + "), but was " + batchLimit);
        }
    }

    /** Cap 20, nothing reserved, the batch may use all 20. */
    public static ConcurrencyPolicy ofDefaults() {
        return of(DEFAULT_ACCOUNT_CAP, 0);
    }

    /** The batch may use every slot that is not reserved. */
    public static ConcurrencyPolicy of(int accountCap, int reserved) {
        if (reserved < 0 || reserved >= accountCap) {
            // let the canonical constructor word the error
            return new ConcurrencyPolicy(accountCap, reserved, 1);
        }
        return new ConcurrencyPolicy(accountCap, reserved, accountCap - reserved);
    }

    /** The same cap and reservation, with the batch limited to {@code limit} slots. */
    public ConcurrencyPolicy withBatchLimit(int limit) {
        return new ConcurrencyPolicy(accountCap, reserved, limit);
    }

    /** The account-wide ceiling this batch dials under: {@code accountCap - reserved}. */
    public int outboundCeiling() {
        return accountCap - reserved;
    }

    /**
     * Free slots for one more round of dials.
     *
     * @param accountActive active calls of the whole account, inbound included
     * @param batchActive active calls of this batch
     */
    public int freeSlots(int accountActive, int batchActive) {
        return Math.max(0, Math.min(outboundCeiling() - accountActive, batchLimit - batchActive));
    }
}
