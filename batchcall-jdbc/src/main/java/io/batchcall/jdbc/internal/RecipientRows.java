package io.batchcall.jdbc.internal;

import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Maps rows of the recipients table. New recipients are due at the epoch ({@code not_before_us} = 0). */
final class RecipientRows {
    static final String COLUMNS = "id, batch_id, phone, name, variables, zone_key, status, attempts, not_before_us, "
            + "reason, last_attempt";

    private RecipientRows() {
    }

    /** Maps a row of {@link #COLUMNS}, in that order, by position. */
    static Recipient map(ResultSet rs) throws SQLException {
        long last = rs.getLong(11);
        boolean noLast = rs.wasNull();
        return new Recipient(
                RecipientId.of(rs.getLong(1)),
                BatchId.of(rs.getLong(2)),
                new PhoneNumber(rs.getString(3)),
                rs.getString(4),
                VariablesJson.read(rs.getString(5)),
                rs.getString(6),
                RecipientStatus.fromWireName(rs.getString(7)),
                rs.getInt(8),
                Micros.instant(rs.getLong(9)),
                rs.getString(10),
                noLast ? null : AttemptId.of(last));
    }

    /** The stored form of a due time; null (no earlier limit) is the epoch. */
    static long notBefore(Instant notBefore) {
        return notBefore == null ? 0L : Micros.of(notBefore);
    }
}
