package io.batchcall.benchmarks.dispatch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements and commits of one PostgreSQL database over a window, from {@code pg_stat_statements}
 * (every statement's executions; {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SET} and
 * {@code SHOW} are not counted as statements) and {@code pg_stat_database.xact_commit} (every
 * committed transaction, auto-commit statements included). Read after the pools closed, so every
 * backend has flushed its counters.
 */
final class StatementProfile {
    private static final String OWN = "%pg_stat_%";

    private StatementProfile() {
    }

    /** Totals and the statements that ran most often, over the window. */
    record Profile(long statements, long commits, List<String> top) {

        String line(long items, String unit) {
            return String.format("%.2f statements and %.2f commits per %s (pg_stat_statements, pg_stat_database)",
                    (double) statements / items, (double) commits / items, unit);
        }
    }

    /** Whether {@code pg_stat_statements} is loaded; installs the extension in the database if so. */
    static boolean install(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.executeQuery("SELECT 1 FROM pg_stat_statements LIMIT 1").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Resets the statement counters; returns the database's commits so far. */
    static long reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT pg_stat_statements_reset()").close();
        }
        return commits(c);
    }

    static Profile read(Connection c, long commitsBefore, long items, int top) throws SQLException {
        long statements;
        List<String> lines = new ArrayList<>();
        String where = " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = "
                + "current_database()) AND query NOT ILIKE '" + OWN + "' AND upper(split_part(ltrim(query), ' ', 1)) "
                + "NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'SHOW', 'START')";
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(sum(calls), 0)" + where)) {
                rs.next();
                statements = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, rows, query" + where
                    + " ORDER BY total_exec_time DESC LIMIT " + top)) {
                while (rs.next()) {
                    String q = rs.getString(4).replaceAll("\\s+", " ");
                    lines.add(String.format("%6.2f/item %7.1f us/call %5.2f rows/call  %s", (double) rs.getLong(1) / items,
                            1000 * rs.getDouble(2) / Math.max(1, rs.getLong(1)), rs.getDouble(3) / Math.max(1,
                            rs.getLong(1)), q.length() > 150 ? q.substring(0, 150) + "…" : q));
                }
            }
        }
        return new Profile(statements, commits(c) - commitsBefore, lines);
    }

    private static long commits(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
