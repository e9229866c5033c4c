package io.batchcall.delivery;

import io.batchcall.spi.SubscriptionState;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may deliver a subscription now: a pure function of the stored row, the node asking and the
 * time. A lease is taken over only when nobody holds it or it has expired; its holder keeps it by
 * renewing. Node clocks are assumed synchronised well within a lease.
 */
public final class LeaseRules {
    private LeaseRules() {
    }

    /** What a node should do with a subscription. */
    public enum Decision {
        /** The node holds a valid lease: deliver under the row's version. */
        HOLD,
        /** Nobody holds a valid lease: take it over (the version goes up by one). */
        TAKE,
        /** Another node holds a valid lease: leave the subscription alone. */
        WAIT
    }

    /**
     * Decides for {@code node} at {@code now}.
     *
     * @param row the stored row
     * @param node the node asking
     * @param now the current time
     * @return HOLD if {@code node} owns an unexpired lease, TAKE if the lease is free or expired
     *     (whoever held it), WAIT otherwise
     */
    public static Decision decide(SubscriptionState row, String node, Instant now) {
        boolean valid = row.owner() != null && now.isBefore(row.leaseUntil());
        if (!valid) {
            return Decision.TAKE;
        }
        return row.owner().equals(node) ? Decision.HOLD : Decision.WAIT;
    }

    /**
     * Whether a holder with nothing to write should renew now: when less than half the lease is left.
     *
     * @param row the stored row, held by the caller
     * @param now the current time
     * @param lease the lease length
     * @return true when the lease ends within half a lease
     */
    public static boolean renewDue(SubscriptionState row, Instant now, Duration lease) {
        return !now.plus(lease.dividedBy(2)).isBefore(row.leaseUntil());
    }
}
