package io.batchcall.jdbc.internal;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewBatch;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.DuplicateRunException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Batches on the batches table: the spec as JSON beside real columns for everything queried, an
 * optimistic {@code version}, and a unique {@code (parent_id, occurrence)} so only one node can
 * spawn a series run.
 */
public final class JdbcBatchStore implements BatchStore {
    private final Jdbc jdbc;
    private final BatchAccounts accounts;
    private final Tables t;
    private final EventWriter events;
    private final Clock clock;

    public JdbcBatchStore(Jdbc jdbc, Tables tables, SqlDialect dialect, Clock clock, BatchAccounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.t = tables;
        this.events = new EventWriter(tables, new Accounts(tables, dialect));
        this.clock = clock;
    }

    @Override
    public Batch create(NewBatch nb) {
        String account = nb.spec().account().value();
        Batch created = jdbc.inTransaction(account, "creating a batch", c -> {
            long id;
            try {
                id = Sql.insert(c, t.sql("INSERT INTO {p}batches (account_id, name, status, parent_id, occurrence, "
                                + "scheduled_for_us, created_at_us, version, spec) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)"),
                        nb.spec().account().value(), nb.spec().name(), nb.status().wireName(),
                        nb.parentId() == null ? null : nb.parentId().value(), nb.occurrence(),
                        Micros.ofNullable(nb.scheduledFor()), Micros.of(nb.createdAt()), SpecJson.write(nb.spec()));
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e) && nb.parentId() != null) {
                    throw new DuplicateRunException(nb.parentId(), nb.occurrence());
                }
                throw e;
            }
            events.append(c, NewEvent.batch(nb.createdAt(), nb.spec().account().value(), id, nb.status().wireName(),
                    null));
            return new Batch(BatchId.of(id), nb.spec(), nb.status(), null, null, nb.parentId(), nb.occurrence(),
                    nb.scheduledFor(), nb.createdAt(), null, null, 1);
        });
        accounts.remember(created.id().value(), account);
        return created;
    }

    @Override
    public Optional<Batch> find(BatchId id) {
        return accounts.of(id.value()).flatMap(account -> jdbc.inTransaction(account, "reading batch " + id,
                c -> Sql.first(c, t.sql("SELECT " + BatchRows.COLUMNS + " FROM {p}batches WHERE account_id = ? AND id = ?"),
                        BatchRows::map, account, id.value())));
    }

    @Override
    public Batch update(Batch b) {
        String account = b.account().value();
        Optional<String> stored = accounts.of(b.id().value());
        if (stored.isPresent() && !stored.get().equals(account)) {
            throw new IllegalArgumentException("account of batch " + b.id() + " cannot change from " + stored.get()
                    + " to " + account);
        }
        return jdbc.inTransaction(account, "updating batch " + b.id(), c -> {
            Batch old = Sql.first(c, t.sql("SELECT " + BatchRows.COLUMNS + " FROM {p}batches WHERE account_id = ? AND id = ? "
                    + "AND version = ?"), BatchRows::map, account, b.id().value(), b.version())
                    .orElseThrow(() -> conflict(c, account, b.id(), b.version()));
            Batch next = new Batch(old.id(), b.spec(), b.status(), b.pauseReason(), b.failureReason(), old.parentId(),
                    old.occurrence(), b.scheduledFor(), old.createdAt(), b.startedAt(), b.finishedAt(),
                    old.version() + 1);
            int n = Sql.update(c, t.sql("UPDATE {p}batches SET name = ?, status = ?, pause_reason = ?, "
                            + "failure_reason = ?, scheduled_for_us = ?, started_at_us = ?, finished_at_us = ?, spec = ?, "
                            + "version = ? WHERE account_id = ? AND id = ? AND version = ?"),
                    next.spec().name(), next.status().wireName(),
                    next.pauseReason() == null ? null : next.pauseReason().wireName(), next.failureReason(),
                    Micros.ofNullable(next.scheduledFor()), Micros.ofNullable(next.startedAt()),
                    Micros.ofNullable(next.finishedAt()), SpecJson.write(next.spec()), next.version(),
                    account, next.id().value(), old.version());
            if (n != 1) {
                throw conflict(c, account, b.id(), b.version());
            }
            if (old.status() != next.status() || !Objects.equals(detail(old), detail(next))) {
                events.append(c, NewEvent.batch(clock.instant(), next.account().value(), next.id().value(),
                        next.status().wireName(), detail(next)));
            }
            return next;
        });
    }

    /** The event detail of a batch: the pause reason of a paused batch, the failure reason of a failed one. */
    private static String detail(Batch b) {
        if (b.status() == BatchStatus.PAUSED) {
            return b.pauseReason() == null ? null : b.pauseReason().wireName();
        }
        return b.status() == BatchStatus.FAILED ? b.failureReason() : null;
    }

    @Override
    public void delete(BatchId id, long version) {
        String account = accounts.of(id.value()).orElseThrow(() -> new NotFoundException("batch " + id
                + " does not exist"));
        jdbc.inTransaction(account, "deleting batch " + id, c -> {
            if (Sql.update(c, t.sql("DELETE FROM {p}batches WHERE account_id = ? AND id = ? AND version = ?"), account,
                    id.value(), version) != 1) {
                throw conflict(c, account, id, version);
            }
            return null;
        });
        accounts.forget(id.value());
    }

    /** The exception for a guarded write that matched no row: missing, or changed by someone else. */
    private RuntimeException conflict(Connection c, String account, BatchId id, long expected) {
        try {
            Optional<Long> actual = Sql.first(c, t.sql("SELECT version FROM {p}batches WHERE account_id = ? AND id = ?"),
                    rs -> rs.getLong(1), account, id.value());
            if (actual.isEmpty()) {
                return new NotFoundException("batch " + id + " does not exist");
            }
            return new ConcurrentUpdateException("batch " + id + " was changed by someone else: expected version "
                    + expected + ", but it is at version " + actual.get());
        } catch (SQLException e) {
            return SqlErrors.translate("re-reading batch " + id, e);
        }
    }

    @Override
    public List<Batch> find(BatchQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + BatchRows.COLUMNS + " FROM {p}batches WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.account() != null) {
            sql.append(" AND account_id = ?");
            args.add(q.account().value());
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" AND status IN (").append(Sql.marks(q.statuses().size())).append(')');
            q.statuses().stream().sorted().forEach(s -> args.add(s.wireName()));
        }
        if (q.parentId() != null) {
            sql.append(" AND parent_id = ?");
            args.add(q.parentId().value());
        }
        if (q.topLevelOnly()) {
            sql.append(" AND parent_id IS NULL");
        }
        if (q.beforeId() != null) {
            sql.append(" AND id < ?");
            args.add(q.beforeId().value());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(q.limit());
        SqlFunction<List<Batch>> list = c -> Sql.list(c, t.sql(sql.toString()), BatchRows::map, args.toArray());
        List<Batch> found = q.account() != null ? jdbc.inTransaction(q.account().value(), "listing batches", list)
                : jdbc.acrossAccounts("listing batches of every account", list);
        for (Batch b : found) {
            accounts.remember(b.id().value(), b.account().value());
        }
        return found;
    }
}
