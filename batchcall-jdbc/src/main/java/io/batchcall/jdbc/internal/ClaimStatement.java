package io.batchcall.jdbc.internal;

import io.batchcall.model.AttemptId;
import io.batchcall.model.Recipient;
import io.batchcall.rules.AttemptRules;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL: the writes of a claim chunk as two statements instead of four per recipient. The
 * attempt ids are drawn from the attempts' identity sequence first, so each recipient is written
 * once: {@code pending → calling} guarded by {@code status = 'pending'}, with its attempt count and
 * {@code last_attempt} in the same update; the attempts are inserted for the recipients that moved,
 * and the account's counter is advanced by their number and their {@code calling} events inserted
 * with the sequences it gave, in claim order, all in one statement (data-modifying CTEs over
 * arrays). What is written is what {@link AttemptRules#claim} decided from the recipient as loaded
 * (attempt number, phone, lease); the caller holds the account's row lock already.
 */
final class ClaimStatement {
    private final String ids;
    private final String write;

    ClaimStatement(Tables t) {
        this.ids = t.sql("SELECT nextval(pg_get_serial_sequence('{p}attempts', 'id')) FROM generate_series(1, ?)");
        this.write = t.sql("WITH v AS (SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS INT[]), "
                + "CAST(? AS VARCHAR[])) WITH ORDINALITY AS v(rid, aid, no, phone, ord)), "
                + "w AS (UPDATE {p}recipients r SET status = 'calling', attempts = v.no, reason = NULL, last_attempt = v.aid "
                + "FROM v WHERE r.id = v.rid AND r.account_id = ? AND r.status = 'pending' "
                + "RETURNING v.rid, v.aid, v.no, v.phone, v.ord), "
                + "a AS (INSERT INTO {p}attempts (id, recipient_id, batch_id, account_id, attempt_no, phone, status, "
                + "claim_owner, claimed_at_us, lease_until_us, last_event_at_us) SELECT w.aid, w.rid, ?, ?, w.no, w.phone, "
                + "'calling', ?, ?, ?, ? FROM w), "
                + "s AS (UPDATE {p}accounts SET event_seq = event_seq + (SELECT count(*) FROM w) WHERE account_id = ? "
                + "RETURNING event_seq), "
                + "e AS (INSERT INTO {p}events (seq, at_us, account_id, batch_id, recipient_id, attempt_id, status, detail) "
                + "SELECT s.event_seq - (SELECT count(*) FROM w) + row_number() OVER (ORDER BY w.ord), ?, ?, ?, w.rid, "
                + "w.aid, 'calling', NULL FROM w, s) "
                + "SELECT rid, aid FROM w ORDER BY ord");
    }

    /** Moves the candidates to calling and creates their attempts; the claims of those that moved, in order. */
    List<Claim> claim(Connection c, ClaimRequest r, List<Recipient> candidates) throws SQLException {
        int n = candidates.size();
        Long[] attemptIds = new Long[n];
        try (PreparedStatement ps = c.prepareStatement(ids)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rs.next()) {
                        throw new SQLException("the attempts' sequence gave fewer ids than asked");
                    }
                    attemptIds[i] = rs.getLong(1);
                }
            }
        }
        Long[] recipients = new Long[n];
        Integer[] numbers = new Integer[n];
        String[] phones = new String[n];
        List<Claim> decided = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Recipient rec = candidates.get(i);
            Claim claim = AttemptRules.claim(rec, AttemptId.of(attemptIds[i]), r);
            decided.add(claim);
            recipients[i] = rec.id().value();
            numbers[i] = claim.attempt().number();
            phones[i] = rec.phone().e164();
        }
        long now = Micros.of(r.now());
        Set<Long> won = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(write)) {
            Array a1 = c.createArrayOf("bigint", recipients);
            Array a2 = c.createArrayOf("bigint", attemptIds);
            Array a3 = c.createArrayOf("int4", numbers);
            Array a4 = c.createArrayOf("varchar", phones);
            ps.setArray(1, a1);
            ps.setArray(2, a2);
            ps.setArray(3, a3);
            ps.setArray(4, a4);
            Sql.bind(ps, 5, r.account().value()); // every statement names its account (sharding, issue 16)
            Sql.bind(ps, 6, r.batch().value());
            Sql.bind(ps, 7, r.account().value());
            Sql.bind(ps, 8, r.owner());
            Sql.bind(ps, 9, now);
            Sql.bind(ps, 10, Micros.of(r.leaseUntil()));
            Sql.bind(ps, 11, now);
            Sql.bind(ps, 12, r.account().value());
            Sql.bind(ps, 13, now);
            Sql.bind(ps, 14, r.account().value());
            Sql.bind(ps, 15, r.batch().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    won.add(rs.getLong(1));
                }
            }
        }
        List<Claim> claims = new ArrayList<>(won.size());
        for (Claim claim : decided) {
            if (won.contains(claim.recipient().id().value())) {
                claims.add(claim);
            }
        }
        return claims;
    }
}
