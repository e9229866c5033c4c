package io.batchcall.jdbc.internal;

import io.batchcall.StorageException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Classifies {@link SQLException}s by SQLState (never by message text) and translates them into
 * {@link StorageException}s that say whether a retry can help.
 */
public final class SqlErrors {
    /** Serialization failure and deadlock: the transaction may simply be run again. */
    private static final Set<String> RETRY_TRANSACTION = Set.of("40001", "40P01");
    /** Transient for the caller: lock timeouts, shutdowns, too many connections. */
    private static final Set<String> TRANSIENT = Set.of("55P03", "57P01", "57P02", "57P03", "53300", "HYT00");

    private SqlErrors() {
    }

    /** The first SQLState found on the exception or its chain (batch errors nest the real one). */
    public static String state(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null) {
                return x.getSQLState();
            }
            if (x.getCause() instanceof SQLException cause && cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return "";
    }

    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(state(e));
    }

    /** PostgreSQL 42P01, H2 42S02 (and H2's 42S04 for an unknown schema object). */
    public static boolean isMissingTable(SQLException e) {
        String s = state(e);
        return "42P01".equals(s) || "42S02".equals(s) || "42S04".equals(s);
    }

    /** Whether the whole transaction should be run again at once (serialization failure, deadlock). */
    public static boolean isRetryableTransaction(SQLException e) {
        return RETRY_TRANSACTION.contains(state(e));
    }

    /** Whether a caller may succeed later without changing anything. */
    public static boolean isRetryable(SQLException e) {
        String s = state(e);
        return RETRY_TRANSACTION.contains(s) || TRANSIENT.contains(s) || s.startsWith("08");
    }

    public static StorageException translate(String what, SQLException e) {
        String s = state(e);
        return new StorageException(what + " failed (SQLState " + (s.isEmpty() ? "unknown" : s) + "): "
                + firstLine(e.getMessage()), isRetryable(e), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
