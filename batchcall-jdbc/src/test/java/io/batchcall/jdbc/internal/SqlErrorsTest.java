package io.batchcall.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.StorageException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Errors are classified by SQLState, including states nested in batch errors. */
class SqlErrorsTest {
    @Test
    void classifiesBySqlState() {
        assertThat(SqlErrors.isRetryableTransaction(new SQLException("x", "40001"))).isTrue();
        assertThat(SqlErrors.isRetryableTransaction(new SQLException("x", "40P01"))).isTrue();
        assertThat(SqlErrors.isUniqueViolation(new SQLException("x", "23505"))).isTrue();
        assertThat(SqlErrors.isMissingTable(new SQLException("x", "42P01"))).isTrue();
        assertThat(SqlErrors.isMissingTable(new SQLException("x", "42S02"))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("x", "08006"))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("x", "HYT00"))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("x", "23505"))).isFalse();
        assertThat(SqlErrors.isRetryable(new SQLException("no state"))).isFalse();
    }

    @Test
    void findsTheStateOfABatchErrorsCause() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", (String) null, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(SqlErrors.isUniqueViolation(batch)).isTrue();
    }

    @Test
    void translatesWithWhatFailedTheStateAndWhetherToRetry() {
        StorageException e = SqlErrors.translate("claiming recipients of batch 7",
                new SQLException("could not serialize access\n  detail", "40001"));
        assertThat(e).hasMessage("claiming recipients of batch 7 failed (SQLState 40001): could not serialize access");
        assertThat(e.isRetryable()).isTrue();
        assertThat(SqlErrors.translate("x", new SQLException("boom", "XX000")).isRetryable()).isFalse();
    }
}
