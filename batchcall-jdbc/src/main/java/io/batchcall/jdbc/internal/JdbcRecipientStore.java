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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Recipients: imports, listing, counts derived from the rows, and bulk status moves. */
public final class JdbcRecipientStore implements RecipientStore {
    private final Jdbc jdbc;
    private final Tables t;
    private final SqlDialect dialect;
    private final EventWriter events;

    public JdbcRecipientStore(Jdbc jdbc, Tables tables, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.t = tables;
        this.dialect = dialect;
        this.events = new EventWriter(tables);
    }

    @Override
    public ImportSession openImport(BatchId batch) {
        Connection c = jdbc.begin();
        try {
            String account = account(c, batch);
            return new JdbcImportSession(c, batch, dialect.recipientWriter(c, t, batch.value(), account),
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

    private String account(Connection c, BatchId batch) throws SQLException {
        return Sql.first(c, t.sql("SELECT account_id FROM {p}batches WHERE id = ?"), rs -> rs.getString(1),
                batch.value()).orElseThrow(() -> new NotFoundException("batch " + batch + " does not exist"));
    }

    @Override
    public void forEachPhone(BatchId batch, Consumer<String> action) {
        jdbc.inTransaction("reading the numbers of batch " + batch, c -> {
            try (PreparedStatement ps = c.prepareStatement(t.sql(
                    "SELECT phone FROM {p}recipients WHERE batch_id = ? ORDER BY id"))) {
                ps.setFetchSize(10_000);
                ps.setLong(1, batch.value());
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
        return jdbc.inTransaction("reading recipient " + id, c -> Sql.first(c,
                t.sql("SELECT " + RecipientRows.COLUMNS + " FROM {p}recipients WHERE id = ?"), RecipientRows::map,
                id.value()));
    }

    @Override
    public List<Recipient> list(BatchId batch, RecipientQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + RecipientRows.COLUMNS + " FROM {p}recipients WHERE batch_id = ?");
        List<Object> args = new ArrayList<>(List.of(batch.value()));
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status().wireName());
        }
        if (q.afterId() != null) {
            sql.append(" AND id > ?");
            args.add(q.afterId().value());
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(q.limit());
        return jdbc.inTransaction("listing recipients of batch " + batch, c -> Sql.list(c, t.sql(sql.toString()),
                RecipientRows::map, args.toArray()));
    }

    @Override
    public RecipientCounts counts(BatchId batch) {
        return jdbc.inTransaction("counting recipients of batch " + batch, c -> {
            Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
            Sql.list(c, t.sql("SELECT status, count(*) FROM {p}recipients WHERE batch_id = ? GROUP BY status"),
                    rs -> counts.put(RecipientStatus.fromWireName(rs.getString(1)), rs.getLong(2)), batch.value());
            return new RecipientCounts(counts);
        });
    }

    @Override
    public Set<String> pendingZoneKeys(BatchId batch) {
        return jdbc.inTransaction("reading zone keys of batch " + batch, c -> new HashSet<>(Sql.list(c,
                t.sql("SELECT DISTINCT zone_key FROM {p}recipients WHERE batch_id = ? AND status = 'pending'"),
                rs -> rs.getString(1), batch.value())));
    }

    @Override
    public long copyRecipients(BatchId from, BatchId to) {
        return jdbc.inTransaction("copying recipients of batch " + from + " into " + to, c -> {
            String account = account(c, to);
            account(c, from);
            return (long) Sql.update(c, t.sql("INSERT INTO {p}recipients (batch_id, account_id, phone, name, variables, "
                    + "zone_key, status, attempts, not_before_us) SELECT ?, ?, phone, name, variables, zone_key, "
                    + "'pending', 0, 0 FROM {p}recipients WHERE batch_id = ? ORDER BY id"), to.value(), account,
                    from.value());
        });
    }

    @Override
    public long skipPending(BatchId batch, String reason, Instant at) {
        return jdbc.inTransaction("skipping pending recipients of batch " + batch, c -> {
            String account = account(c, batch);
            long n = Sql.update(c, t.sql("UPDATE {p}recipients SET status = 'skipped', reason = ? "
                    + "WHERE batch_id = ? AND status = 'pending'"), reason, batch.value());
            if (n > 0) {
                events.append(c, NewEvent.batch(at, account, batch.value(), RecipientStatus.SKIPPED.wireName(),
                        n + " pending recipients skipped: " + reason));
            }
            return n;
        });
    }

    @Override
    public long requeueAll(BatchId batch, boolean unreachedOnly, Instant at) {
        String statuses = unreachedOnly ? "'failed', 'busy', 'no_answer', 'skipped'"
                : "'completed', 'failed', 'busy', 'no_answer', 'skipped'";
        return jdbc.inTransaction("requeueing recipients of batch " + batch, c -> {
            String account = account(c, batch);
            long n = Sql.update(c, t.sql("UPDATE {p}recipients SET status = 'pending', attempts = 0, reason = NULL, "
                    + "not_before_us = ? WHERE batch_id = ? AND status IN (" + statuses + ")"),
                    RecipientRows.notBefore(at), batch.value());
            if (n > 0) {
                events.append(c, NewEvent.batch(at, account, batch.value(), RecipientStatus.PENDING.wireName(),
                        n + " recipients requeued" + (unreachedOnly ? " (unreached only)" : "")));
            }
            return n;
        });
    }
}
