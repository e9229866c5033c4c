package io.batchcall.jdbc;

import io.batchcall.StorageException;
import io.batchcall.jdbc.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The single-account mode of PostgreSQL: row-level security on every per-account table, so that
 * the database itself refuses a transaction that reads or writes rows of a second account. It
 * proves, on plain PostgreSQL, what a database sharded by account needs: every transaction of the
 * JDBC storage and ledger touches one account (docs/scale-out.md).
 *
 * <p>{@link #enable} adds to every table of the schema that has an {@code account_id} column
 * (all but {@code schema_version}) a policy that lets a transaction see and write only rows whose
 * {@code account_id} equals the setting (for example {@value #TEST_SETTING}), plus reading every
 * row when the setting is {@code *}. The backend built with {@link JdbcBackend.Builder#accountSetting}
 * sets it in every transaction: to the account the transaction is about, or to {@code *}, READ
 * ONLY, for the few sweeps that find work across accounts. A transaction that sets nothing sees
 * nothing. Policies bind only roles without superuser or {@code BYPASSRLS}; the tables' owner is
 * bound because the tables are set to {@code FORCE ROW LEVEL SECURITY}: run the storage as such a
 * role. Meant for tests; it costs one statement per transaction.
 */
public final class AccountIsolation {
    /** The setting the tests use. */
    public static final String TEST_SETTING = "batchcall.test_account";

    private AccountIsolation() {
    }

    /**
     * Enables the policies on every per-account table; run it as the tables' owner (or a superuser)
     * after the migrations. Running it again changes nothing.
     *
     * @param owner connections of the tables' owner or a superuser
     * @param tablePrefix the table prefix, e.g. {@code bc_}
     * @param setting the custom setting the policies read, e.g. {@value #TEST_SETTING}
     * @return the tables now under the policies
     * @throws StorageException if a statement fails
     */
    public static List<String> enable(DataSource owner, String tablePrefix, String setting) {
        Objects.requireNonNull(setting, "setting must not be null");
        if (!setting.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("the setting must be a custom setting like " + TEST_SETTING
                    + ", but was " + setting);
        }
        new Tables(tablePrefix);
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = perAccountTables(c, tablePrefix);
            String mine = "account_id = current_setting('" + setting + "', true)";
            for (String t : tables) {
                s.execute("ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY");
                s.execute("ALTER TABLE " + t + " FORCE ROW LEVEL SECURITY");
                s.execute("DROP POLICY IF EXISTS one_account ON " + t);
                s.execute("DROP POLICY IF EXISTS read_all_accounts ON " + t);
                s.execute("CREATE POLICY one_account ON " + t + " USING (" + mine + ") WITH CHECK (" + mine + ")");
                s.execute("CREATE POLICY read_all_accounts ON " + t + " FOR SELECT USING (current_setting('" + setting
                        + "', true) = '*')");
            }
            return tables;
        } catch (SQLException e) {
            throw new StorageException("enabling row-level security on the " + tablePrefix + " tables failed: "
                    + e.getMessage(), false, e);
        }
    }

    /**
     * The tables of the schema with an {@code account_id} column, by name.
     *
     * @param c a connection to the database
     * @param tablePrefix the table prefix
     * @return their names
     * @throws SQLException if the catalog cannot be read
     */
    static List<String> perAccountTables(Connection c, String tablePrefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name FROM information_schema.columns c "
                + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                + "WHERE c.table_schema = current_schema() AND c.column_name = 'account_id' "
                + "AND t.table_type = 'BASE TABLE' AND c.table_name LIKE ? ORDER BY c.table_name")) {
            ps.setString(1, tablePrefix.replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
