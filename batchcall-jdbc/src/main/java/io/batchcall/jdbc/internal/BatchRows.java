package io.batchcall.jdbc.internal;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.PauseReason;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps rows of the batches table. */
final class BatchRows {
    static final String COLUMNS = "id, status, pause_reason, failure_reason, parent_id, occurrence, scheduled_for_us, "
            + "created_at_us, started_at_us, finished_at_us, version, spec";

    private BatchRows() {
    }

    static Batch map(ResultSet rs) throws SQLException {
        Long parent = Sql.longOrNull(rs, "parent_id");
        String pause = rs.getString("pause_reason");
        return new Batch(
                BatchId.of(rs.getLong("id")),
                SpecJson.read(rs.getString("spec")),
                BatchStatus.fromWireName(rs.getString("status")),
                pause == null ? null : PauseReason.fromWireName(pause),
                rs.getString("failure_reason"),
                parent == null ? null : BatchId.of(parent),
                rs.getLong("occurrence"),
                Micros.instant(rs, "scheduled_for_us"),
                Micros.instant(rs, "created_at_us"),
                Micros.instant(rs, "started_at_us"),
                Micros.instant(rs, "finished_at_us"),
                rs.getLong("version"));
    }
}
