package io.batchcall.jdbc.internal;

import io.batchcall.StorageException;
import io.batchcall.jdbc.Dialect;
import io.batchcall.jdbc.SchemaVersionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies missing migrations, one transaction per script, and checks the installed version and the
 * checksums of the applied scripts ({@link Checksums}). On PostgreSQL concurrent migrators wait on
 * an advisory lock and re-read the version; on H2 (whose DDL commits at once) a migrator that fails
 * re-reads the version and carries on if another one applied the script meanwhile. Both
 * {@link #apply} and {@link #check} first refuse an H2 in-memory database that would vanish
 * between connections.
 */
public final class Migrator {
    private final Jdbc jdbc;
    private final Tables t;
    private final SqlDialect dialect;
    private final List<MigrationScripts.Script> scripts;
    private final String folder;
    private final Checksums checksums;

    public Migrator(Jdbc jdbc, Tables tables, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.t = tables;
        this.dialect = dialect;
        this.scripts = MigrationScripts.load(dialect.dialect());
        this.folder = MigrationScripts.folder(dialect.dialect());
        this.checksums = new Checksums(tables, folder, scripts);
    }

    public int latest() {
        return scripts.size();
    }

    /**
     * Applies every missing script; returns the version installed afterwards. Checksums of scripts
     * applied before are verified first, and stored where there are none yet.
     */
    public int apply() {
        refuseVolatileDatabase();
        int before = installed();
        refuseNewer(before);
        if (before > 0) {
            retryOnceOnH2("checking the checksums of applied migrations", c -> {
                dialect.lockForMigration(c);
                checksums.verify(c, true);
                return null;
            });
        }
        for (MigrationScripts.Script s : scripts) {
            try {
                jdbc.schemaTransaction("applying migration " + folder + s.fileName(), c -> {
                    dialect.lockForMigration(c);
                    int installed = installed(c);
                    refuseNewer(installed);
                    if (installed < s.version()) {
                        for (String statement : s.statements(t.prefix())) {
                            Sql.update(c, statement);
                        }
                        checksums.ensureColumn(c);
                        checksums.record(c, s);
                    }
                    return null;
                });
            } catch (StorageException e) {
                if (e instanceof SchemaVersionException || installed() < s.version()) {
                    throw e;
                }
            }
        }
        return installed();
    }

    /**
     * Throws unless the installed schema is exactly the version this library needs and no stored
     * checksum differs from the shipped scripts (rows without a checksum — written by another
     * migration tool or by batchcall 0.1 — are accepted as they are).
     */
    public void check() {
        refuseVolatileDatabase();
        int installed = installed();
        refuseNewer(installed);
        if (installed == 0) {
            throw new SchemaVersionException("the batchcall schema is not installed (no table " + t.name("schema_version")
                    + "): run the migrations first with Migrations.apply(dataSource) or builder(dataSource).migrate(true),"
                    + " or apply " + names(0) + " from " + folder + " with your own tool", 0, latest());
        }
        if (installed < latest()) {
            throw new SchemaVersionException("the batchcall schema is at version " + installed + " but this library "
                    + "needs version " + latest() + ": apply " + names(installed) + " from " + folder
                    + " (Migrations.apply(dataSource) or builder(dataSource).migrate(true))", installed, latest());
        }
        jdbc.schemaTransaction("checking the checksums of applied migrations", c -> {
            checksums.verify(c, false);
            return null;
        });
    }

    private void refuseVolatileDatabase() {
        if (dialect.dialect() == Dialect.H2) {
            jdbc.schemaTransaction("checking the H2 database URL", c -> {
                InMemoryH2Check.refuseVolatile(c);
                return null;
            });
        }
    }

    private void retryOnceOnH2(String what, SqlFunction<Void> work) {
        try {
            jdbc.schemaTransaction(what, work);
        } catch (StorageException e) {
            if (e instanceof SchemaVersionException || dialect.dialect() != Dialect.H2) {
                throw e;
            }
            jdbc.schemaTransaction(what, work);   // a concurrent migrator's DDL on H2; the second try sees it done
        }
    }

    private void refuseNewer(int installed) {
        if (installed > latest()) {
            throw new SchemaVersionException("the batchcall schema is at version " + installed + ", newer than this "
                    + "library knows (" + latest() + "); upgrade batchcall-jdbc instead of running an older library "
                    + "against a newer schema", installed, latest());
        }
    }

    private String names(int after) {
        return scripts.stream().skip(after).map(MigrationScripts.Script::fileName).collect(Collectors.joining(", "));
    }

    /** The installed version, 0 when the version table does not exist. */
    public int installed() {
        return jdbc.schemaTransaction("reading the schema version", this::installed);
    }

    private int installed(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            return (int) Sql.number(c, t.sql("SELECT MAX(version) FROM {p}schema_version"));
        } catch (SQLException e) {
            if (!SqlErrors.isMissingTable(e)) {
                throw e;
            }
            c.rollback(before);
            return 0;
        }
    }
}
