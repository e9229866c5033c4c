package io.batchcall.api.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.util.List;

/**
 * The one place that reads the event log: one account's events after a cursor, in order. The
 * store numbers events per account, so the cursor (an SSE event id) is valid on every node.
 */
public final class AccountEvents {
    private final EventLog log;

    public AccountEvents(EventLog log) {
        this.log = log;
    }

    /** Up to {@code limit} events of {@code account} with a sequence above {@code cursor}, in order. */
    public List<StatusEvent> after(AccountId account, long cursor, int limit) {
        return log.after(account, cursor, limit);
    }

    /** The sequence of the account's newest event: a stream that starts "now" starts there. */
    public long latest(AccountId account) {
        return log.latest(account);
    }
}
