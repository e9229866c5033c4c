package io.batchcall.api.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that reads the event log, in the shape of an account-scoped log: events of one
 * account after a cursor, in order. Today's {@link EventLog} numbers all accounts in one sequence,
 * so this filters it (scanning past other accounts' events in pages); when the store numbers events
 * per account, {@link #after} becomes a single call and {@link #latest} the account's newest number.
 */
public final class AccountEvents {
    private static final int SCAN_PAGE = 1000;

    private final EventLog log;
    /** Per account: {cursor, scanned}: nothing of the account lies between the two. */
    private final Map<AccountId, long[]> skip = new ConcurrentHashMap<>();

    public AccountEvents(EventLog log) {
        this.log = log;
    }

    /** Up to {@code limit} events of {@code account} with a cursor above {@code cursor}, in order. */
    public List<StatusEvent> after(AccountId account, long cursor, int limit) {
        List<StatusEvent> out = new ArrayList<>();
        long[] known = skip.get(account);
        long at = known != null && known[0] == cursor ? Math.max(cursor, known[1]) : cursor;
        while (out.size() < limit) {
            List<StatusEvent> page = log.after(at, SCAN_PAGE);
            for (StatusEvent e : page) {
                if (e.account().equals(account)) {
                    out.add(e);
                    if (out.size() == limit) {
                        return out;
                    }
                }
            }
            if (!page.isEmpty()) {
                at = page.get(page.size() - 1).sequence();
            }
            if (page.size() < SCAN_PAGE) {
                remember(account, out.isEmpty() ? cursor : out.get(out.size() - 1).sequence(), at);
                return out;
            }
        }
        return out;
    }

    private void remember(AccountId account, long cursor, long scanned) {
        if (skip.size() > 10_000) {
            skip.clear();
        }
        skip.put(account, new long[] {cursor, scanned});
    }

    /** A cursor at the newest event of {@code account} (today: of the whole log, a valid bound). */
    public long latest(AccountId account) {
        return log.latest();
    }
}
