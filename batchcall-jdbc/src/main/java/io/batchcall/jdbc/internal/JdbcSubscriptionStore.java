package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.spi.DeadLetterRow;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import io.batchcall.spi.SubscriptionState.Progress;
import io.batchcall.spi.SubscriptionStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Subscriptions on the subscriptions and dead_letters tables. Each change is one guarded statement
 * ({@code … WHERE account_id = ? AND consumer = ? AND version = ? [AND lease_owner = ?]}) whose row
 * count says whether it applied; a dead letter and the progress past it commit together.
 */
public final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String ROW = "SELECT account_id, consumer, lease_owner, lease_until_us, version, cursor_seq, "
            + "failures, retry_at_us FROM {p}subscriptions WHERE account_id = ? AND consumer = ?";
    private static final String DEAD = "SELECT id, account_id, consumer, seq, attempts, last_error, dead_at_us, redeliver "
            + "FROM {p}dead_letters WHERE account_id = ? AND consumer = ? AND id > ?";
    private static final String HELD = " WHERE account_id = ? AND consumer = ? AND lease_owner = ? AND version = ?";

    private final Jdbc jdbc;
    private final String row;
    private final SqlDialect.InsertIfAbsent create;
    private final String take;
    private final String advance;
    private final String release;
    private final SqlDialect.InsertIfAbsent addDead;
    private final String dead;
    private final String deadToRedeliver;
    private final String requestOne;
    private final String requestAll;
    private final String removeDead;
    private final String failDead;

    public JdbcSubscriptionStore(Jdbc jdbc, Tables t, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.row = t.sql(ROW);
        this.create = dialect.insertIfAbsent(t.name("subscriptions"), List.of("account_id", "consumer",
                "lease_until_us", "version", "cursor_seq", "failures"), List.of("account_id", "consumer"));
        this.take = t.sql("UPDATE {p}subscriptions SET lease_owner = ?, lease_until_us = ?, version = version + 1 "
                + "WHERE account_id = ? AND consumer = ? AND version = ?");
        this.advance = t.sql("UPDATE {p}subscriptions SET cursor_seq = ?, failures = ?, retry_at_us = ?, "
                + "lease_until_us = ?" + HELD);
        this.release = t.sql("UPDATE {p}subscriptions SET lease_owner = NULL, lease_until_us = 0" + HELD);
        this.addDead = dialect.insertIfAbsent(t.name("dead_letters"), List.of("account_id", "consumer", "seq",
                "attempts", "last_error", "dead_at_us", "redeliver"), List.of("account_id", "consumer", "seq"));
        this.dead = t.sql(DEAD + " ORDER BY id LIMIT ?");
        this.deadToRedeliver = t.sql(DEAD + " AND redeliver = TRUE ORDER BY id LIMIT ?");
        this.requestOne = t.sql("UPDATE {p}dead_letters SET redeliver = TRUE WHERE account_id = ? AND consumer = ? "
                + "AND id = ?");
        this.requestAll = t.sql("UPDATE {p}dead_letters SET redeliver = TRUE WHERE account_id = ? AND consumer = ?");
        this.removeDead = t.sql("DELETE FROM {p}dead_letters WHERE account_id = ? AND consumer = ? AND id = ?");
        this.failDead = t.sql("UPDATE {p}dead_letters SET attempts = attempts + 1, last_error = ?, dead_at_us = ?, "
                + "redeliver = FALSE WHERE account_id = ? AND consumer = ? AND id = ?");
    }

    @Override
    public SubscriptionState open(SubscriptionKey key, long startCursor) {
        if (startCursor < 0) {
            throw new IllegalArgumentException("startCursor must not be negative, but was " + startCursor);
        }
        Optional<SubscriptionState> existing = find(key); // every pass of every node: one read, no transaction
        if (existing.isPresent()) {
            return existing.get();
        }
        return jdbc.inTransaction(key.account().value(), "opening subscription " + key, c -> {
            Optional<SubscriptionState> found = find(c, key);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Sql.update(c, create.sql(), create.args(key.account().value(), key.consumer(), 0L, 0L, startCursor, 0));
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                throw new SQLException("subscription " + key + " was created concurrently", "40001", e);
            }
            return find(c, key).orElseThrow(() -> new SQLException("subscription " + key + " vanished", "40001"));
        });
    }

    @Override
    public Optional<SubscriptionState> find(SubscriptionKey key) {
        return jdbc.statement(key.account().value(), "reading subscription " + key, c -> find(c, key));
    }

    private Optional<SubscriptionState> find(Connection c, SubscriptionKey key) throws SQLException {
        return Sql.first(c, row, JdbcSubscriptionStore::state, key.account().value(), key.consumer());
    }

    @Override
    public Optional<SubscriptionState> take(SubscriptionKey key, long version, String owner, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        return jdbc.inTransaction(key.account().value(), "taking the lease of subscription " + key, c -> {
            if (Sql.update(c, take, owner, Micros.of(leaseUntil), key.account().value(), key.consumer(), version) != 1) {
                return Optional.empty();
            }
            return find(c, key);
        });
    }

    @Override
    public boolean advance(SubscriptionKey key, String owner, long version, Progress p) {
        return jdbc.statement(key.account().value(), "storing the progress of subscription " + key, c -> advance(c, key, owner, version, p));
    }

    private boolean advance(Connection c, SubscriptionKey key, String owner, long version, Progress p)
            throws SQLException {
        return Sql.update(c, advance, p.cursor(), p.failures(), Micros.ofNullable(p.retryAt()),
                Micros.of(p.leaseUntil()), key.account().value(), key.consumer(), owner, version) == 1;
    }

    @Override
    public boolean deadLetter(SubscriptionKey key, String owner, long version, long sequence, int attempts,
            String error, Instant at, Progress p) {
        return jdbc.inTransaction(key.account().value(), "dead-lettering event " + sequence + " of subscription " + key, c -> {
            if (!advance(c, key, owner, version, p)) {
                return false;
            }
            // the advance above holds the subscription's row lock, so no other writer races this insert
            Sql.update(c, addDead.sql(), addDead.args(key.account().value(), key.consumer(), sequence, attempts,
                    error, Micros.of(at), false));
            return true;
        });
    }

    @Override
    public boolean release(SubscriptionKey key, String owner, long version) {
        return jdbc.statement(key.account().value(), "releasing the lease of subscription " + key, c -> Sql.update(c, release,
                key.account().value(), key.consumer(), owner, version) == 1);
    }

    @Override
    public List<DeadLetterRow> deadLetters(SubscriptionKey key, boolean redeliverOnly, long afterId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, but was " + limit);
        }
        return jdbc.statement(key.account().value(), "reading the dead letters of subscription " + key, c -> Sql.list(c,
                redeliverOnly ? deadToRedeliver : dead, JdbcSubscriptionStore::deadLetter, key.account().value(),
                key.consumer(), afterId, limit));
    }

    @Override
    public int requestRedelivery(SubscriptionKey key, long id) {
        return jdbc.statement(key.account().value(), "asking to redeliver dead letters of subscription " + key, c -> id == 0
                ? Sql.update(c, requestAll, key.account().value(), key.consumer())
                : Sql.update(c, requestOne, key.account().value(), key.consumer(), id));
    }

    @Override
    public boolean redelivered(SubscriptionKey key, long id, boolean delivered, String error, Instant at) {
        return jdbc.statement(key.account().value(), "recording the redelivery of dead letter " + id + " of " + key, c -> (delivered
                ? Sql.update(c, removeDead, key.account().value(), key.consumer(), id)
                : Sql.update(c, failDead, error == null ? "unknown" : error, Micros.of(at), key.account().value(),
                        key.consumer(), id)) == 1);
    }

    private static SubscriptionState state(ResultSet rs) throws SQLException {
        SubscriptionKey key = new SubscriptionKey(rs.getString("consumer"), AccountId.of(rs.getString("account_id")));
        return new SubscriptionState(key, rs.getString("lease_owner"), Micros.instant(rs.getLong("lease_until_us")),
                rs.getLong("version"), rs.getLong("cursor_seq"), rs.getInt("failures"),
                Micros.instant(rs, "retry_at_us"));
    }

    private static DeadLetterRow deadLetter(ResultSet rs) throws SQLException {
        SubscriptionKey key = new SubscriptionKey(rs.getString("consumer"), AccountId.of(rs.getString("account_id")));
        return new DeadLetterRow(rs.getLong("id"), key, rs.getLong("seq"), rs.getInt("attempts"),
                rs.getString("last_error"), Micros.instant(rs.getLong("dead_at_us")), rs.getBoolean("redeliver"));
    }
}
