package io.batchcall.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads PostgreSQL's catalog (pg_constraint, pg_index, pg_attribute) and fails if the schema cannot
 * be distributed by account: a per-account table (one with an {@code account_id} column) whose
 * primary key, unique constraint, unique index or foreign key does not lead with {@code account_id},
 * a foreign key that does not join {@code account_id} to {@code account_id}, or references a table
 * that is not per account, {@code account_id} columns of different types or collations (colocated
 * tables need the same), or a global table other than {@code schema_version} (the reference table).
 */
class SchemaDistributionCatalogTest {
    @RegisterExtension
    static final TestDb DB = TestDb.postgres();

    private static final Set<String> GLOBAL = Set.of("bc_schema_version");

    @Test
    void everyKeyOfAPerAccountTableLeadsWithTheAccount() throws Exception {
        DataSource ds = DB.fresh(2);
        Migrations.apply(ds);
        assertThat(violations(ds)).isEmpty();
        assertThat(perAccountTables(ds)).hasSizeGreaterThanOrEqualTo(14).doesNotContainAnyElementsOf(GLOBAL);
    }

    /** The check is not vacuous: the schema before version 9 fails it, naming its keys on id. */
    @Test
    void theSchemaBeforeVersionNineFailsTheCheck() throws Exception {
        DataSource ds = DB.fresh(2);
        List<Migrations.Script> scripts = Migrations.scripts(Dialect.POSTGRESQL, "bc_");
        for (Migrations.Script s : scripts.subList(0, 8)) {
            for (String statement : new io.batchcall.jdbc.internal.MigrationScripts.Script(s.version(), s.fileName(),
                    s.sql()).statements("bc_")) {
                TestDb.exec(ds, statement);
            }
        }
        assertThat(violations(ds)).anyMatch(v -> v.contains("bc_batches_pkey"))
                .anyMatch(v -> v.contains("bc_recipients_one_number"))
                .anyMatch(v -> v.contains("bc_attempts_recipient_id_fkey"))
                .anyMatch(v -> v.contains("bc_purge_progress"));
    }

    static List<String> violations(DataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        Set<String> perAccount = perAccountTables(ds);
        try (Connection c = ds.getConnection()) {
            for (String t : tables(c)) {
                if (!perAccount.contains(t) && !GLOBAL.contains(t)) {
                    out.add(t + ": a global table (no account_id) that is not a reference table");
                }
            }
            // Primary keys, unique constraints and foreign keys.
            try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, rel.relname, con.contype, "
                    + "(SELECT attname FROM pg_attribute WHERE attrelid = con.conrelid AND attnum = con.conkey[1]), "
                    + "(SELECT relname FROM pg_class WHERE oid = con.confrelid), "
                    + "(SELECT attname FROM pg_attribute WHERE attrelid = con.confrelid AND attnum = con.confkey[1]) "
                    + "FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
                    + "JOIN pg_namespace n ON n.oid = rel.relnamespace "
                    + "WHERE n.nspname = current_schema() AND rel.relname LIKE 'bc!_%' ESCAPE '!' "
                    + "AND con.contype IN ('p', 'u', 'f') ORDER BY 2, 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String table = rs.getString(2);
                    String type = rs.getString(3);
                    if (!perAccount.contains(table)) {
                        continue;
                    }
                    if (!"account_id".equals(rs.getString(4))) {
                        out.add(table + "." + name + " (" + type + "): leads with " + rs.getString(4)
                                + ", not account_id");
                    }
                    if ("f".equals(type) && (!perAccount.contains(rs.getString(5))
                            || !"account_id".equals(rs.getString(6)))) {
                        out.add(table + "." + name + ": references " + rs.getString(5) + "(" + rs.getString(6)
                                + ", …), not a per-account table by account_id");
                    }
                }
            }
            // Unique indexes (constraints or not).
            try (PreparedStatement ps = c.prepareStatement("SELECT i.relname, t.relname, "
                    + "(SELECT attname FROM pg_attribute WHERE attrelid = x.indrelid AND attnum = x.indkey[0]) "
                    + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                    + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() "
                    + "AND t.relname LIKE 'bc!_%' ESCAPE '!' AND x.indisunique ORDER BY 2, 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (perAccount.contains(rs.getString(2)) && !"account_id".equals(rs.getString(3))) {
                        out.add(rs.getString(2) + "." + rs.getString(1) + " (unique index): leads with "
                                + rs.getString(3) + ", not account_id");
                    }
                }
            }
            // One type and collation of account_id everywhere (colocation needs them equal).
            Set<String> kinds = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), "
                    + "COALESCE((SELECT collname FROM pg_collation WHERE oid = a.attcollation), '') "
                    + "FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n "
                    + "ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relname LIKE 'bc!_%' "
                    + "ESCAPE '!' AND t.relkind = 'r' AND a.attname = 'account_id'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            if (kinds.size() != 1) {
                out.add("account_id has several types or collations: " + kinds);
            }
        }
        return out;
    }

    private static Set<String> perAccountTables(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return new TreeSet<>(AccountIsolation.perAccountTables(c, "bc_"));
        }
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT relname FROM pg_class t JOIN pg_namespace n ON "
                + "n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relkind = 'r' AND relname LIKE "
                + "'bc!_%' ESCAPE '!'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
