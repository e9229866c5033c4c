package io.batchcall.jdbc.internal;

import io.batchcall.model.AttemptId;
import io.batchcall.model.Recipient;
import io.batchcall.rules.AttemptRules;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claim: one transaction that locks the account row, counts the account's and the batch's
 * active calls, picks up to the free slots of due pending recipients (dialect SQL), moves each to
 * calling guarded by {@code status = 'pending'}, creates its attempt with a lease, appends the
 * events, and commits before returning, so the claim is durable before anyone dials. On
 * PostgreSQL the writes of the chunk are two statements ({@link ClaimStatement}).
 */
final class Claimer {
    private final Jdbc jdbc;
    private final Tables t;
    private final SqlDialect dialect;
    private final Accounts accounts;
    private final EventWriter events;
    private final String batchAccount;
    private final String win;
    private final String insertAttempt;
    private final String linkAttempt;
    private final ClaimStatement oneStatement;

    Claimer(Jdbc jdbc, Tables t, SqlDialect dialect, Accounts accounts, EventWriter events) {
        this.jdbc = jdbc;
        this.t = t;
        this.dialect = dialect;
        this.accounts = accounts;
        this.events = events;
        this.batchAccount = t.sql("SELECT account_id FROM {p}batches WHERE account_id = ? AND id = ?");
        this.win = t.sql("UPDATE {p}recipients SET status = 'calling', attempts = attempts + 1, reason = NULL "
                + "WHERE account_id = ? AND id = ? AND status = 'pending'");
        this.insertAttempt = t.sql("INSERT INTO {p}attempts (recipient_id, batch_id, account_id, attempt_no, phone, "
                + "status, claim_owner, claimed_at_us, lease_until_us, last_event_at_us) "
                + "VALUES (?, ?, ?, ?, ?, 'calling', ?, ?, ?, ?)");
        this.linkAttempt = t.sql("UPDATE {p}recipients SET last_attempt = ? WHERE account_id = ? AND id = ?");
        this.oneStatement = dialect.dialect() == io.batchcall.jdbc.Dialect.POSTGRESQL ? new ClaimStatement(t) : null;
    }

    List<Claim> claim(ClaimRequest r) {
        return jdbc.inTransaction(r.account().value(), "claiming recipients of batch " + r.batch(), c -> {
            List<Claim> claims = claimLocked(c, r);
            c.commit();
            if (!claims.isEmpty()) {
                dialect.afterClaimCommit(c);
            }
            return claims;
        });
    }

    private List<Claim> claimLocked(Connection c, ClaimRequest r) throws SQLException {
        String account = r.account().value();
        // A batch of another account is not found here (its rows are filtered out): nothing to claim.
        if (Sql.first(c, batchAccount, rs -> rs.getString(1), account, r.batch().value()).isEmpty()) {
            return List.of();
        }
        int inbound = accounts.lock(c, account);
        int[] active = accounts.active(c, account, r.batch().value());
        int n = Math.min(r.max(), r.policy().freeSlots(active[0] + inbound, active[1]));
        if (n <= 0 || (r.zoneKeys() != null && r.zoneKeys().isEmpty())) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(account, r.batch().value(), Micros.of(r.now())));
        String zoneFilter = "";
        if (r.zoneKeys() != null) {
            zoneFilter = " AND zone_key IN (" + Sql.marks(r.zoneKeys().size()) + ")";
            r.zoneKeys().stream().sorted().forEach(args::add);
        }
        args.add(n);
        List<Recipient> candidates = Sql.list(c, t.sql(dialect.claimCandidates(RecipientRows.COLUMNS, zoneFilter)),
                RecipientRows::map, args.toArray());
        if (oneStatement != null) {
            return candidates.isEmpty() ? List.of() : oneStatement.claim(c, r, candidates);
        }
        List<Recipient> won = win(c, account, candidates);
        if (won.isEmpty()) {
            return List.of();
        }
        List<Claim> claims = createAttempts(c, r, won);
        List<NewEvent> claimed = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            claimed.add(NewEvent.recipient(r.now(), account, r.batch().value(), claim.recipient().id().value(),
                    claim.attempt().id().value(), RecipientStatus.CALLING.wireName(), null));
        }
        events.append(c, claimed);
        return claims;
    }

    /** Moves candidates to calling, each guarded by its pending status; returns those that moved. */
    private List<Recipient> win(Connection c, String account, List<Recipient> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<Recipient> won = new ArrayList<>(candidates.size());
        try (PreparedStatement ps = c.prepareStatement(win)) {
            for (Recipient candidate : candidates) {
                ps.setString(1, account);
                ps.setLong(2, candidate.id().value());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    won.add(candidates.get(i));
                }
            }
        }
        return won;
    }

    private List<Claim> createAttempts(Connection c, ClaimRequest r, List<Recipient> won) throws SQLException {
        List<Claim> claims = new ArrayList<>(won.size());
        try (PreparedStatement ins = c.prepareStatement(insertAttempt, new String[] {"id"});
                PreparedStatement link = c.prepareStatement(linkAttempt)) {
            for (Recipient rec : won) {
                Sql.bind(ins, rec.id().value(), r.batch().value(), r.account().value(), rec.attempts() + 1,
                        rec.phone().e164(), r.owner(), Micros.of(r.now()), Micros.of(r.leaseUntil()),
                        Micros.of(r.now()));
                ins.addBatch();
            }
            ins.executeBatch();
            try (ResultSet keys = ins.getGeneratedKeys()) {
                for (Recipient rec : won) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned fewer attempt ids than attempts inserted");
                    }
                    AttemptId id = AttemptId.of(keys.getLong(1));
                    link.setLong(1, id.value());
                    link.setString(2, r.account().value());
                    link.setLong(3, rec.id().value());
                    link.addBatch();
                    claims.add(AttemptRules.claim(rec, id, r));
                }
            }
            link.executeBatch();
        }
        return claims;
    }
}
