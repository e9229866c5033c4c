package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import java.util.List;
import java.util.Map;

/**
 * The ordered log of status changes written by the stores, numbered per account. Readers (every
 * engine node, a host's UI, a webhook consumer) follow one account with a cursor:
 * {@code after(account, 0, n)}, then {@code after(account, last.sequence(), n)}; the cursor is
 * valid on every node sharing the store.
 *
 * <p>Each account's events are numbered once, when they are written, from 1 upwards, under a lock
 * that the writing unit of work holds until it commits (on a database: the account's row), so an
 * account's events become visible in sequence order: a reader never sees an event with a lower
 * sequence after one with a higher sequence of the same account. No counter is shared between
 * accounts. Events are never removed, not even when their batch is deleted.
 */
public interface EventLog {
    /**
     * The account's events with sequence above {@code cursor}, in order, at most {@code limit};
     * empty for an account with no events.
     *
     * @param account the account followed
     * @param cursor the last sequence already read, 0 from the start
     * @param limit at most this many, at least 1
     * @return the next events in sequence order
     * @throws IllegalArgumentException if {@code limit} is below 1 or {@code cursor} is negative
     */
    List<StatusEvent> after(AccountId account, long cursor, int limit);

    /**
     * The sequence of the account's newest visible event, or 0 when it has none.
     *
     * @param account the account
     * @return the newest sequence, 0 for none
     */
    long latest(AccountId account);

    /**
     * The newest visible sequence of every account that has events, for a reader that follows all
     * accounts (an operator's view). Its cost grows with the number of accounts: readers of one
     * account use {@link #latest(AccountId)}.
     *
     * @return each account's newest sequence
     */
    Map<AccountId, Long> heads();
}
