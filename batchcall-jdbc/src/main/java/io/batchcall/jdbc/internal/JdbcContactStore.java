package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.policy.FrequencyCap;
import io.batchcall.policy.NumberHash;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.Erasure;
import io.batchcall.spi.Suppression;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Contact data on JDBC: the suppression list and recent dials keyed by {@link NumberHash} (primary
 * key (account, hash)), one lookup per checked chunk; frequency reservations lock their rows in hash
 * order and apply {@link FrequencyCap#decide}; erasure and retention live in {@link ContactErasure}
 * and {@link ContactPurge}. Every statement is scoped by account, except the retention purge.
 */
public final class JdbcContactStore implements ContactStore {
    /** Most values bound in one IN list. */
    private static final int IN_CHUNK = 1000;

    private final Jdbc jdbc;
    private final Tables t;
    private final SqlDialect.InsertIfAbsent insertSuppression;
    private final SqlDialect.InsertIfAbsent insertDials;
    private final ContactErasure erasure;
    private final ContactPurge purge;

    public JdbcContactStore(Jdbc jdbc, Tables t, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.t = t;
        this.insertSuppression = dialect.insertIfAbsent(t.name("suppressions"),
                List.of("account_id", "phone_hash", "phone", "reason", "source", "created_at_us"),
                List.of("account_id", "phone_hash"));
        this.insertDials = dialect.insertIfAbsent(t.name("contact_dials"), List.of("account_id", "phone_hash",
                "dials_us"), List.of("account_id", "phone_hash"));
        this.erasure = new ContactErasure(t, new EventWriter(t, new Accounts(t, dialect)));
        this.purge = new ContactPurge(t);
    }

    @Override
    public int suppress(AccountId account, List<Suppression> entries) {
        Map<String, Suppression> byHash = new LinkedHashMap<>();
        for (Suppression s : entries) {
            byHash.putIfAbsent(NumberHash.of(account, s.phone()), s);
        }
        if (byHash.isEmpty()) {
            return 0;
        }
        return jdbc.inTransaction(account.value(), "suppress " + byHash.size() + " numbers for account " + account.value(), c -> {
            int added = 0;
            List<String> hashes = new ArrayList<>(byHash.keySet());
            for (int from = 0; from < hashes.size(); from += IN_CHUNK) {
                List<String> part = hashes.subList(from, Math.min(hashes.size(), from + IN_CHUNK));
                Set<String> listed = listed(c, account, part);
                try (PreparedStatement ps = c.prepareStatement(insertSuppression.sql())) {
                    int batched = 0;
                    for (String h : part) {
                        if (listed.contains(h)) {
                            continue;
                        }
                        Suppression s = byHash.get(h);
                        Sql.bind(ps, insertSuppression.args(account.value(), h, s.phone().e164(), s.reason(),
                                s.source(), Micros.of(s.at())));
                        ps.addBatch();
                        batched++;
                    }
                    if (batched > 0) {
                        ps.executeBatch();
                    }
                    added += batched;
                } catch (SQLException e) {
                    throw raceAsRetryable(e);
                }
            }
            return added;
        });
    }

    @Override
    public boolean unsuppress(AccountId account, PhoneNumber phone) {
        return jdbc.statement(account.value(), "unsuppress a number for account " + account.value(), c -> Sql.update(c,
                t.sql("DELETE FROM {p}suppressions WHERE account_id = ? AND phone_hash = ?"), account.value(),
                NumberHash.of(account, phone)) > 0);
    }

    @Override
    public Set<PhoneNumber> suppressed(AccountId account, Collection<PhoneNumber> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        Map<String, PhoneNumber> byHash = new HashMap<>();
        for (PhoneNumber p : phones) {
            byHash.put(NumberHash.of(account, p), p);
        }
        return jdbc.statement(account.value(), "check the suppression list of account " + account.value(), c -> {
            Set<PhoneNumber> out = new HashSet<>();
            List<String> hashes = new ArrayList<>(byHash.keySet());
            for (int from = 0; from < hashes.size(); from += IN_CHUNK) {
                for (String h : listed(c, account, hashes.subList(from, Math.min(hashes.size(), from + IN_CHUNK)))) {
                    out.add(byHash.get(h));
                }
            }
            return out;
        });
    }

    @Override
    public Suppression suppression(AccountId account, PhoneNumber phone) {
        return jdbc.statement(account.value(), "read a suppression of account " + account.value(), c -> Sql.first(c,
                t.sql("SELECT reason, source, created_at_us FROM {p}suppressions WHERE account_id = ? AND phone_hash = ?"),
                rs -> new Suppression(phone, rs.getString(1), rs.getString(2), Micros.instant(rs.getLong(3))),
                account.value(), NumberHash.of(account, phone)).orElse(null));
    }

    @Override
    public Map<PhoneNumber, Instant> reserveDials(AccountId account, List<PhoneNumber> phones, FrequencyCap cap,
            Instant now) {
        if (phones.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, PhoneNumber> byHash = new TreeMap<>();
        for (PhoneNumber p : phones) {
            byHash.put(NumberHash.of(account, p), p);
        }
        return jdbc.inTransaction(account.value(), "reserve dials for account " + account.value(), c -> {
            List<String> hashes = new ArrayList<>(byHash.keySet());
            Map<String, String> rows = lockDials(c, account, hashes);
            if (rows.size() < hashes.size()) {
                try (PreparedStatement ps = c.prepareStatement(insertDials.sql())) {
                    for (String h : hashes) {
                        if (!rows.containsKey(h)) {
                            Sql.bind(ps, insertDials.args(account.value(), h, ""));
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                } catch (SQLException e) {
                    throw raceAsRetryable(e);
                }
                rows = lockDials(c, account, hashes);
            }
            Map<PhoneNumber, Instant> refused = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    t.sql("UPDATE {p}contact_dials SET dials_us = ? WHERE account_id = ? AND phone_hash = ?"))) {
                int batched = 0;
                for (String h : hashes) {
                    FrequencyCap.Decision d = cap.decide(decode(rows.get(h)), now);
                    if (d.allowed()) {
                        Sql.bind(ps, encode(d.history()), account.value(), h);
                        ps.addBatch();
                        batched++;
                    } else {
                        refused.put(byHash.get(h), d.allowedAt());
                    }
                }
                if (batched > 0) {
                    ps.executeBatch();
                }
            }
            return refused;
        });
    }

    @Override
    public Erasure erase(AccountId account, PhoneNumber phone, Instant at) {
        return jdbc.inTransaction(account.value(), "erase a number of account " + account.value(),
                c -> erasure.erase(c, account, phone, at));
    }

    @Override
    public int purge(Instant finishedBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        int work = 0;
        while (work < limit) {
            Optional<ContactPurge.Candidate> next = jdbc.acrossAccounts("finding a batch finished before "
                    + finishedBefore + " to purge", c -> purge.next(c, finishedBefore));
            if (next.isEmpty()) {
                break;
            }
            int budget = limit - work;
            work += jdbc.inTransaction(next.get().account(), "purging the history of batch " + next.get().batchId(),
                    c -> purge.step(c, next.get(), budget));
        }
        return work;
    }

    private Set<String> listed(Connection c, AccountId account, List<String> hashes) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(account.value());
        args.addAll(hashes);
        return new HashSet<>(Sql.list(c, t.sql("SELECT phone_hash FROM {p}suppressions WHERE account_id = ? AND "
                + "phone_hash IN (" + Sql.marks(hashes.size()) + ")"), rs -> rs.getString(1), args.toArray()));
    }

    /** Locks the rows that exist, in hash order (so two nodes never wait on each other in a cycle). */
    private Map<String, String> lockDials(Connection c, AccountId account, List<String> sortedHashes)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(account.value());
        args.addAll(sortedHashes);
        Map<String, String> rows = new HashMap<>();
        for (String[] row : Sql.list(c, t.sql("SELECT phone_hash, dials_us FROM {p}contact_dials WHERE account_id = ? "
                + "AND phone_hash IN (" + Sql.marks(sortedHashes.size()) + ") ORDER BY phone_hash FOR UPDATE"),
                rs -> new String[] {rs.getString(1), rs.getString(2)}, args.toArray())) {
            rows.put(row[0], row[1]);
        }
        return rows;
    }

    static List<Instant> decode(String text) {
        List<Instant> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",")) {
            out.add(Micros.instant(Long.parseLong(part)));
        }
        return out;
    }

    static String encode(List<Instant> dials) {
        StringBuilder out = new StringBuilder();
        for (Instant i : dials) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Micros.of(i));
        }
        return out.toString();
    }

    /** A concurrent insert of the same key (H2's insert-if-absent can lose that race): run the transaction again. */
    private static SQLException raceAsRetryable(SQLException e) {
        if (SqlErrors.isUniqueViolation(e) || (e.getNextException() != null
                && SqlErrors.isUniqueViolation(e.getNextException()))) {
            return new SQLException("a concurrent writer inserted the same number; retrying", "40001", e);
        }
        return e;
    }
}
