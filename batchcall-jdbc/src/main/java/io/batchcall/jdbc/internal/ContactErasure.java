package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import io.batchcall.policy.NumberHash;
import io.batchcall.spi.Erasure;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erases one number of one account inside the caller's transaction (see
 * {@link io.batchcall.spi.ContactStore#erase}). Recipients are found through the account's batches
 * and the {@code (batch_id, phone)} unique index; their events through the account's part of the
 * log (no index on {@code events.recipient_id}: erasure is rare, and the event insert is hot).
 */
final class ContactErasure {
    private final Tables t;
    private final EventWriter events;

    ContactErasure(Tables t, EventWriter events) {
        this.t = t;
        this.events = events;
    }

    record Hit(long id, long batchId, String status) {
    }

    Erasure erase(Connection c, AccountId account, PhoneNumber phone, Instant at) throws SQLException {
        String hash = NumberHash.of(account, phone);
        List<Hit> hits = Sql.list(c, t.sql("SELECT r.id, r.batch_id, r.status FROM {p}recipients r WHERE r.account_id = ? AND "
                + "r.batch_id IN (SELECT b.id FROM {p}batches b WHERE b.account_id = ?) AND r.phone = ? ORDER BY r.id "
                + "FOR UPDATE"), rs -> new Hit(rs.getLong(1), rs.getLong(2), rs.getString(3)), account.value(),
                account.value(), phone.e164());
        long attempts = 0;
        long erasedEvents = 0;
        List<NewEvent> skipped = new ArrayList<>();
        for (Hit h : hits) {
            String placeholder = NumberHash.erasedPlaceholder(RecipientId.of(h.id())).e164();
            boolean pending = h.status().equals("pending");
            Sql.update(c, t.sql("UPDATE {p}recipients SET phone = ?, name = '', variables = '{}', zone_key = '', "
                    + "reason = ?, status = ? WHERE account_id = ? AND id = ?"), placeholder, pending ? "erased" : null,
                    pending ? "skipped" : h.status(), account.value(), h.id());
            attempts += Sql.update(c, t.sql("UPDATE {p}attempts SET phone = ?, reason = NULL WHERE account_id = ? "
                    + "AND recipient_id = ?"), placeholder, account.value(), h.id());
            erasedEvents += Sql.update(c, t.sql("UPDATE {p}events SET detail = NULL WHERE account_id = ? AND "
                    + "recipient_id = ? AND detail IS NOT NULL"), account.value(), h.id());
            if (pending) {
                skipped.add(NewEvent.recipient(at, account.value(), h.batchId(), h.id(), null, "skipped", "erased"));
            }
        }
        events.append(c, skipped);
        Sql.update(c, t.sql("DELETE FROM {p}contact_dials WHERE account_id = ? AND phone_hash = ?"), account.value(),
                hash);
        int kept = Sql.update(c, t.sql("UPDATE {p}suppressions SET phone = NULL, reason = 'erased' WHERE account_id = ? AND phone_hash = ?"),
                account.value(), hash);
        return new Erasure(hits.size(), attempts, erasedEvents, kept > 0);
    }
}
