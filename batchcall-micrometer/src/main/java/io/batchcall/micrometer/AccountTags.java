package io.batchcall.micrometer;

import io.batchcall.model.AccountId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code account} tag value for counters and timers, with a bound on cardinality: the first
 * {@code limit} accounts seen active keep their own value for the life of the binder (so their
 * counters stay monotonic), every later account is folded into {@value #OTHER}.
 */
final class AccountTags {
    static final String OTHER = "other";

    private final int limit;
    private final Map<AccountId, String> admitted = new ConcurrentHashMap<>();

    AccountTags(int limit) {
        this.limit = limit;
    }

    String of(AccountId account) {
        String known = admitted.get(account);
        if (known != null) {
            return known;
        }
        synchronized (admitted) {
            if (admitted.size() < limit) {
                return admitted.computeIfAbsent(account, AccountId::value);
            }
        }
        return admitted.getOrDefault(account, OTHER);
    }
}
