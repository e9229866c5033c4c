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

    static CallAttempt map(ResultSet rs) throws SQLException {
        Long cost = Sql.longOrNull(rs, "cost_micros");
        return new CallAttempt(
                AttemptId.of(rs.getLong("id")),
                RecipientId.of(rs.getLong("recipient_id")),
                BatchId.of(rs.getLong("batch_id")),
                AccountId.of(rs.getString("account_id")),
                rs.getInt("attempt_no"),
                new PhoneNumber(rs.getString("phone")),
                rs.getString("provider_call_id"),
                RecipientStatus.fromWireName(rs.getString("status")),
                rs.getString("claim_owner"),
                Micros.instant(rs, "claimed_at_us"),
                Micros.instant(rs, "lease_until_us"),
                Micros.instant(rs, "placed_at_us"),
                Micros.instant(rs, "last_event_at_us"),
                Micros.instant(rs, "ended_at_us"),
                Micros.duration(rs, "talk_time_us"),
                cost == null ? null : Money.ofMicros(cost, Currency.getInstance(rs.getString("cost_currency"))),
                rs.getString("reason"),
                AnsweredBy.find(rs.getString("answered_by")).orElse(null),
                disposition(rs));
    }

    private static Disposition disposition(ResultSet rs) throws SQLException {
        String code = rs.getString("disposition_code");
        return code == null ? null : new Disposition(code, VariablesJson.read(rs.getString("disposition_data")),
                Micros.instant(rs, "disposition_at_us"));
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
