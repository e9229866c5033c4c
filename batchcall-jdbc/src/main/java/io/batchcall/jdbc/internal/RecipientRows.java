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

    static Recipient map(ResultSet rs) throws SQLException {
        Long last = Sql.longOrNull(rs, "last_attempt");
        return new Recipient(
                RecipientId.of(rs.getLong("id")),
                BatchId.of(rs.getLong("batch_id")),
                new PhoneNumber(rs.getString("phone")),
                rs.getString("name"),
                VariablesJson.read(rs.getString("variables")),
                rs.getString("zone_key"),
                RecipientStatus.fromWireName(rs.getString("status")),
                rs.getInt("attempts"),
                Micros.instant(rs.getLong("not_before_us")),
                rs.getString("reason"),
                last == null ? null : AttemptId.of(last));
    }

    /** The stored form of a due time; null (no earlier limit) is the epoch. */
    static long notBefore(Instant notBefore) {
        return notBefore == null ? 0L : Micros.of(notBefore);
    }
}
