package io.batchcall.jdbc.internal;

import io.batchcall.NotFoundException;
import io.batchcall.model.BatchId;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.RecipientStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Recipients: imports, listing, counts derived from the rows, and bulk status moves. */
public final class JdbcRecipientStore implements RecipientStore {
    /**
     * One batch's rows, for reads in id order ({@code ORDER BY batch_id, id}), binding the batch
     * id twice. A range, not {@code batch_id = ?}: with an equality PostgreSQL drops batch_id from
     * the ordering and walks the primary key, filtering out every older batch's rows first (the
     * planner assumes they are spread evenly); with a range only the {@code (batch_id, id)} index
     * gives the order. H2 needs the two-column ORDER BY to use that index at all.
     */
    private static final String ONE_BATCH = "account_id = ? AND batch_id BETWEEN ? AND ?";
    private final Jdbc jdbc;
    private final Tables t;
    private final SqlDialect dialect;
    private final EventWriter events;
    private final BatchAccounts accounts;

    public JdbcRecipientStore(Jdbc jdbc, Tables tables, SqlDialect dialect, BatchAccounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.t = tables;
        this.dialect = dialect;
        this.events = new EventWriter(tables, new Accounts(tables, dialect));
    }

    @Override
    public ImportSession openImport(BatchId batch) {
        String account = account(batch);
        Connection c = jdbc.begin(account);
        try {
            if (!exists(c, account, batch)) { // deleted since its account was learned
                throw new NotFoundException("batch " + batch + " does not exist");
            }
            return new JdbcImportSession(c, batch, dialect.recipientWriter(c, t, batch.value(), account),
                    (conn, added) -> lockExisting(conn, account, batch),
                    (conn, added) -> dialect.afterImportCommit(conn, t, added));
        } catch (SQLException | RuntimeException e) {
            Jdbc.rollbackQuietly(c, e);
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof SQLException sql ? SqlErrors.translate("opening an import into batch " + batch, sql)
                    : (RuntimeException) e;
        }
    }

    /**
     * Locks the batch row until the import commits: a delete that came first makes the import fail
     * (nothing is kept); one that comes later waits and then removes the imported rows too. (H2
     * does not lock the parent row when it checks a foreign key, so without this a delete could
     * slip in and leave orphans.)
     */
    private void lockExisting(Connection c, String account, BatchId batch) throws SQLException {
        if (Sql.first(c, t.sql("SELECT id FROM {p}batches WHERE account_id = ? AND id = ? FOR UPDATE"),
                rs -> rs.getLong(1), account, batch.value()).isEmpty()) {
            throw new NotFoundException("batch " + batch + " was deleted during the import; nothing was kept");
        }
    }

    private String account(BatchId batch) {
        return accounts.of(batch.value()).orElseThrow(() -> new NotFoundException("batch " + batch + " does not exist"));
    }

    /** Whether the batch row still exists (the account of a deleted batch may still be known). */
    private boolean exists(Connection c, String account, BatchId batch) throws SQLException {
        return Sql.first(c, t.sql("SELECT 1 FROM {p}batches WHERE account_id = ? AND id = ?"), rs -> 1, account,
                batch.value()).isPresent();
    }

    /**
     * Streams the numbers from a server-side cursor (bounded memory for million-row batches) while
     * holding one connection: an action that calls back into the store needs a second one.
     */
    @Override
    public void forEachPhone(BatchId batch, Consumer<String> action) {
        Optional<String> account = accounts.of(batch.value());
        if (account.isEmpty()) {
            return;
        }
        jdbc.inTransaction(account.get(), "reading the numbers of batch " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement(t.sql(
                    "SELECT phone FROM {p}recipients WHERE " + ONE_BATCH + " ORDER BY batch_id, id"))) {
                ps.setFetchSize(10_000);
                ps.setString(1, account.get());
                ps.setLong(2, batch.value());
                ps.setLong(3, batch.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(rs.getString(1));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Recipient> find(RecipientId id) {
        return jdbc.acrossAccounts("reading recipient " + id, c -> Sql.first(c,
                t.sql("SELECT " + RecipientRows.COLUMNS + " FROM {p}recipients WHERE id = ?"), RecipientRows::map,
                id.value()));
    }

    @Override
    public List<Recipient> list(BatchId batch, RecipientQuery q) {
        Optional<String> account = accounts.of(batch.value());
        if (account.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + RecipientRows.COLUMNS + " FROM {p}recipients WHERE "
                + ONE_BATCH);
        List<Object> args = new ArrayList<>(List.of(account.get(), batch.value(), batch.value()));
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status().wireName());
        }
        if (q.afterId() != null) {
            sql.append(" AND id > ?");
            args.add(q.afterId().value());
        }
        sql.append(" ORDER BY batch_id, id LIMIT ?");
        args.add(q.limit());
        return jdbc.inTransaction(account.get(), "listing recipients of batch " + batch, c -> Sql.list(c,
                t.sql(sql.toString()), RecipientRows::map, args.toArray()));
    }

    @Override
    public RecipientCounts counts(BatchId batch) {
        Optional<String> account = accounts.of(batch.value());
        if (account.isEmpty()) {
            return new RecipientCounts(Map.of());
        }
        return jdbc.inTransaction(account.get(), "counting recipients of batch " + batch, c -> {
            Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
            Sql.list(c, t.sql("SELECT status, count(*) FROM {p}recipients WHERE account_id = ? AND batch_id = ? "
                    + "GROUP BY status"), rs -> counts.put(RecipientStatus.fromWireName(rs.getString(1)), rs.getLong(2)),
                    account.get(), batch.value());
            return new RecipientCounts(counts);
        });
    }

    @Override
    public Set<String> pendingZoneKeys(BatchId batch) {
        Optional<String> account = accounts.of(batch.value());
        if (account.isEmpty()) {
            return Set.of();
        }
        return jdbc.inTransaction(account.get(), "reading zone keys of batch " + batch, c -> new HashSet<>(Sql.list(c,
                t.sql("SELECT DISTINCT zone_key FROM {p}recipients WHERE account_id = ? AND batch_id = ? AND phase = 0 "
                        + "AND status = 'pending'"), rs -> rs.getString(1), account.get(), batch.value())));
    }

    @Override
    public long copyRecipients(BatchId from, BatchId to) {
        String account = account(to);
        if (!account(from).equals(account)) {
            throw new IllegalArgumentException("recipients are copied within one account, but batch " + from
                    + " belongs to " + account(from) + " and batch " + to + " to " + account);
        }
        return jdbc.inTransaction(account, "copying recipients of batch " + from + " into " + to, c -> {
            if (!exists(c, account, from) || !exists(c, account, to)) {
                throw new NotFoundException("batch " + (exists(c, account, from) ? to : from) + " does not exist");
            }
            return (long) Sql.update(c, t.sql("INSERT INTO {p}recipients (batch_id, account_id, phone, name, variables, "
                    + "zone_key, status, attempts, not_before_us) SELECT ?, ?, r.phone, r.name, r.variables, r.zone_key, "
                    + "'pending', 0, 0 FROM {p}recipients r WHERE r.account_id = ? AND r.batch_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM {p}recipients x WHERE x.account_id = ? AND x.batch_id = ? AND x.phone = r.phone) "
                    + "ORDER BY r.id"), to.value(), account, account, from.value(), account, to.value());
        });
    }

    @Override
    public long skipPending(BatchId batch, String reason, Instant at) {
        Optional<String> account = accounts.of(batch.value());
        if (account.isEmpty()) {
            return 0L;
        }
        return jdbc.inTransaction(account.get(), "skipping pending recipients of batch " + batch, c ->
                moveAndLog(c, "UPDATE {p}recipients SET status = 'skipped', reason = ? WHERE account_id = ? AND "
                        + "batch_id = ? AND status = 'pending'", Arrays.asList(reason, account.get(), batch.value()),
                        account.get(), batch, "skipped", reason, at));
    }

    @Override
    public long requeueAll(BatchId batch, boolean unreachedOnly, Instant at) {
        String finished = unreachedOnly ? "('failed', 'busy', 'no_answer', 'skipped')"
                : "('completed', 'failed', 'busy', 'no_answer', 'skipped')";
        Optional<String> account = accounts.of(batch.value());
        if (account.isEmpty()) {
            return 0L;
        }
        return jdbc.inTransaction(account.get(), "requeueing recipients of batch " + batch, c -> {
            events.lockCounter(c, account.get()); // the account's lock first, as claims take it
            Sql.update(c, t.sql("UPDATE {p}recipients SET attempts = 0 WHERE account_id = ? AND batch_id = ? AND "
                    + "status = 'pending' AND attempts <> 0"), account.get(), batch.value());
            return moveAndLog(c, "UPDATE {p}recipients SET status = 'pending', attempts = 0, reason = NULL, "
                    + "not_before_us = ? WHERE account_id = ? AND batch_id = ? AND status IN " + finished,
                    List.of(Micros.of(at), account.get(), batch.value()), account.get(), batch, "pending", null, at);
        });
    }

    /**
     * Runs a bulk status move and appends one event per moved recipient, in id order, numbered in
     * the account's log (the account's counter is locked first, so bulk moves and claims take
     * their locks in the same order); returns how many moved.
     */
    private long moveAndLog(Connection c, String update, List<Object> updateArgs, String account, BatchId batch,
            String status, String detail, Instant at) throws SQLException {
        long base = events.lockCounter(c, account);
        SqlDialect.Stmt s = dialect.updateAndLog(t.sql(update), updateArgs, t.sql("INSERT INTO {p}events (seq, at_us, "
                + "account_id, batch_id, recipient_id, attempt_id, status, detail)"),
                "CAST(? AS BIGINT) + ROW_NUMBER() OVER (ORDER BY id), CAST(? AS BIGINT), CAST(? AS VARCHAR(128)), "
                + "CAST(? AS BIGINT), id, CAST(NULL AS BIGINT), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(4000))",
                Arrays.asList(base, Micros.of(at), account, batch.value(), status, detail));
        long moved = Sql.update(c, s.sql(), s.args());
        events.advance(c, account, moved);
        return moved;
    }
}
