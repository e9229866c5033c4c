package io.batchcall.jdbc.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account of a batch, for the store methods that name a batch alone: read once (a lookup by id
 * across accounts) and then known, because a batch never changes account. Statements on the
 * batch's rows then filter by the account, so a database sharded by account runs them on one
 * shard. Bounded: when full it is emptied, and forgotten batches are read again.
 */
public final class BatchAccounts {
    private static final int MAX_KNOWN = 100_000;

    private final Jdbc jdbc;
    private final String select;
    private final Map<Long, String> known = new ConcurrentHashMap<>();

    BatchAccounts(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.select = t.sql("SELECT account_id FROM {p}batches WHERE id = ?");
    }

    /** The batch's account; empty for an unknown batch. */
    Optional<String> of(long batch) {
        String account = known.get(batch);
        if (account != null) {
            return Optional.of(account);
        }
        Optional<String> read = jdbc.statementAcrossAccounts("reading the account of batch " + batch,
                c -> Sql.first(c, select, rs -> rs.getString(1), batch));
        read.ifPresent(a -> remember(batch, a));
        return read;
    }

    /** Forgets a deleted batch (other nodes may still know it: a batch's statements check that it exists). */
    void forget(long batch) {
        known.remove(batch);
    }

    /** Records what a statement read or wrote anyway. */
    void remember(long batch, String account) {
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.put(batch, account);
    }
}
