package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.Ledger;
import io.batchcall.jdbc.internal.Setup;
import io.batchcall.jdbc.internal.Tables;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * batchcall's storage and credit ledger on one database, from one builder: the dialect is
 * detected (or set) once, the schema checked (or migrated) once, and both share the table prefix
 * and the clock.
 *
 * <pre>{@code
 * JdbcBackend db = JdbcBackend.builder(dataSource).migrate(true).build();
 * BatchCalls calls = BatchCalls.builder(db.storage(), telephony, db.ledger()).build();
 * }</pre>
 *
 * <p>See {@link JdbcStorage} and {@link JdbcCreditLedger} for what each guarantees. Thread-safe;
 * the pool is the host's, and several backends (one per node) may share one PostgreSQL database.
 */
public final class JdbcBackend {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBackend.class);

    private final Dialect dialect;
    private final int schemaVersion;
    private final JdbcStorage storage;
    private final JdbcCreditLedger ledger;

    private JdbcBackend(Setup setup, Clock clock, boolean durableIntermediateStatuses) {
        this.dialect = setup.dialect().dialect();
        this.schemaVersion = setup.schemaVersion();
        this.storage = new JdbcStorage(setup, clock, durableIntermediateStatuses);
        this.ledger = new JdbcCreditLedger(new Ledger(setup.jdbc(), setup.tables(), setup.dialect(), clock));
    }

    /**
     * Starts a builder on the host's pool; the database dialect is detected unless set.
     *
     * @param dataSource the host's connection pool; not null
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource must not be null"));
    }

    /**
     * The storage port: batches, recipients, calls and the event log.
     *
     * @return the storage
     */
    public JdbcStorage storage() {
        return storage;
    }

    /**
     * The credit ledger, in the same schema.
     *
     * @return the ledger
     */
    public JdbcCreditLedger ledger() {
        return ledger;
    }

    /**
     * The database dialect in use, detected or set.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The schema version found (or installed by {@link Builder#migrate}).
     *
     * @return the schema version
     */
    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * Optional settings shared by the storage and the ledger; {@link #build()} checks the schema
     * (or migrates it when asked). A builder may be reused; what it built never changes with it.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = Tables.DEFAULT_PREFIX;
        private Clock clock = Clock.systemUTC();
        private boolean migrate;
        private String accountSetting;
        private boolean durableIntermediateStatuses;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Overrides the dialect detected from the connection metadata.
         *
         * @param value the dialect
         * @return this builder
         */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect must not be null");
            return this;
        }

        /**
         * Prefix of every table name; default {@code bc_}.
         *
         * @param value the prefix
         * @return this builder
         * @throws IllegalArgumentException unless empty or 1-30 lower-case letters, digits and _, starting with a letter
         */
        public Builder tablePrefix(String value) {
            new Tables(value);
            this.tablePrefix = value;
            return this;
        }

        /**
         * The clock stamping batch events and ledger rows; default UTC system clock.
         *
         * @param value the clock; not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * Whether {@link #build()} applies missing migrations (default false: it only checks).
         *
         * @param value true to apply missing migrations
         * @return this builder
         */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /**
         * Whether a call's ringing and in-progress statuses wait for the WAL flush like every other
         * write (default false: on PostgreSQL they commit without waiting, which a crash can cost only
         * a status that the call's final status supersedes; the statement sets
         * {@code synchronous_commit} itself). Set true on Citus, whose planner refuses that
         * statement-level setting on a distributed table (docs/scale-out.md).
         *
         * @param value true to flush every status
         * @return this builder
         */
        public Builder durableIntermediateStatuses(boolean value) {
            this.durableIntermediateStatuses = value;
            return this;
        }

        /**
         * Names a PostgreSQL custom setting that every transaction sets to the one account it reads
         * and writes (or to {@code *}, READ ONLY, for a sweep that finds work across accounts): with
         * {@link AccountIsolation} policies on that setting the database refuses a transaction that
         * touches a second account. For tests (the single-account mode); default none.
         *
         * @param value a custom setting such as {@value AccountIsolation#TEST_SETTING}, or null for none
         * @return this builder
         */
        public Builder accountSetting(String value) {
            if (value != null && !value.matches("[a-z_]+\\.[a-z_]+")) {
                throw new IllegalArgumentException("the account setting must be a custom setting like "
                        + AccountIsolation.TEST_SETTING + ", but was " + value);
            }
            this.accountSetting = value;
            return this;
        }

        /**
         * Detects the dialect, checks (or migrates) the schema, and builds the storage and the ledger.
         *
         * @return the backend
         * @throws SchemaVersionException if the schema is missing, incomplete or newer than this library
         */
        public JdbcBackend build() {
            Setup setup = Setup.prepare(dataSource, dialect, tablePrefix, migrate, accountSetting);
            LOG.info("batchcall JDBC storage and credit ledger on {}: tables {}*, schema version {}{}",
                    setup.dialect().dialect(), tablePrefix, setup.schemaVersion(),
                    migrate ? " (migrations applied)" : "");
            return new JdbcBackend(setup, clock, durableIntermediateStatuses);
        }
    }
}
