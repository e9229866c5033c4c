package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.AnsweredBy;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Disposition;
import io.batchcall.model.Money;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/** Maps rows of the attempts table. */
final class AttemptRows {
    static final String COLUMNS = "id, recipient_id, batch_id, account_id, attempt_no, phone, provider_call_id, status, "
            + "claim_owner, claimed_at_us, lease_until_us, placed_at_us, last_event_at_us, ended_at_us, talk_time_us, "
            + "cost_micros, cost_currency, reason, answered_by, disposition_code, disposition_data, disposition_at_us";

    private AttemptRows() {
    }

    /** Maps a row of {@link #COLUMNS}, in that order, by position. */
    static CallAttempt map(ResultSet rs) throws SQLException {
        long cost = rs.getLong(16);
        boolean noCost = rs.wasNull();
        return new CallAttempt(
                AttemptId.of(rs.getLong(1)),
                RecipientId.of(rs.getLong(2)),
                BatchId.of(rs.getLong(3)),
                Accounts.id(rs.getString(4)),
                rs.getInt(5),
                new PhoneNumber(rs.getString(6)),
                rs.getString(7),
                RecipientStatus.fromWireName(rs.getString(8)),
                rs.getString(9),
                Micros.instant(rs, 10),
                Micros.instant(rs, 11),
                Micros.instant(rs, 12),
                Micros.instant(rs, 13),
                Micros.instant(rs, 14),
                Micros.duration(rs, 15),
                noCost ? null : Money.ofMicros(cost, Currency.getInstance(rs.getString(17))),
                rs.getString(18),
                AnsweredBy.find(rs.getString(19)).orElse(null),
                disposition(rs));
    }

    /** The disposition of a row of {@link #COLUMNS} (positions 20-22), or null. */
    private static Disposition disposition(ResultSet rs) throws SQLException {
        String code = rs.getString(20);
        return code == null ? null : new Disposition(code, VariablesJson.read(rs.getString(21)),
                Micros.instant(rs, 22));
    }

    /** The attempt as it reads back after being stored: instants and durations to the microsecond. */
    static CallAttempt asStored(CallAttempt a) {
        return new CallAttempt(a.id(), a.recipientId(), a.batchId(), a.account(), a.number(), a.to(), a.providerCallId(),
                a.status(), a.owner(), micros(a.claimedAt()), micros(a.leaseUntil()), micros(a.placedAt()),
                micros(a.lastEventAt()), micros(a.endedAt()), a.talkTime() == null ? null
                        : Duration.ofNanos(Micros.of(a.talkTime()) * 1000), a.cost(), a.reason(), a.answeredBy(),
                a.disposition() == null || a.disposition().at() == null ? a.disposition()
                        : new Disposition(a.disposition().code(), a.disposition().data(), micros(a.disposition().at())));
    }

    private static Instant micros(Instant i) {
        return i == null ? null : Micros.instant(Micros.of(i));
    }
}
