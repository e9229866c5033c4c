package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.JdbcBatchStore;
import io.batchcall.jdbc.internal.JdbcCallStore;
import io.batchcall.jdbc.internal.JdbcEventLog;
import io.batchcall.jdbc.internal.JdbcRecipientStore;
import io.batchcall.jdbc.internal.Setup;
import io.batchcall.jdbc.internal.Tables;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.RecipientStore;
import io.batchcall.spi.Storage;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage port on a relational database: PostgreSQL for production and clusters of engines,
 * embedded H2 as the zero-setup single-node default.
 *
 * <pre>{@code
 * Storage storage = JdbcStorage.builder(dataSource).migrate(true).build();
 * }</pre>
 *
 * <p>All state lives in the database, so several engines — threads, or JVMs each with its own
 * pool — may share one PostgreSQL database: claims lock the account row and count active calls in
 * the same transaction, so the account cap holds across nodes; every status change is a guarded
 * update whose row count is checked; a claim is committed (and on H2 checkpointed) before it is
 * returned, so it is durable before the dial. Instants are stored as BIGINT epoch microseconds,
 * independent of session and JVM time zones. Thread-safe; the pool is the host's.
 *
 * <p>Errors leave as {@link io.batchcall.StorageException} (retryable for serialization failures,
 * deadlocks, lost connections), {@link io.batchcall.ConcurrentUpdateException} for version
 * conflicts, {@link io.batchcall.spi.DuplicateRunException} for a second run of a series
 * occurrence, and {@link SchemaVersionException} from {@link Builder#build()} when the schema is
 * missing, incomplete, or newer than this library.
 */
public final class JdbcStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

    private final Dialect dialect;
    private final BatchStore batches;
    private final RecipientStore recipients;
    private final CallStore calls;
    private final EventLog events;

    private JdbcStorage(Setup s, Clock clock) {
        this.dialect = s.dialect().dialect();
        this.batches = new JdbcBatchStore(s.jdbc(), s.tables(), s.dialect(), clock);
        this.recipients = new JdbcRecipientStore(s.jdbc(), s.tables(), s.dialect());
        this.calls = new JdbcCallStore(s.jdbc(), s.tables(), s.dialect());
        this.events = new JdbcEventLog(s.jdbc(), s.tables());
    }

    /** Starts a builder on the host's pool; the database dialect is detected unless set. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource must not be null"));
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public BatchStore batches() {
        return batches;
    }

    @Override
    public RecipientStore recipients() {
        return recipients;
    }

    @Override
    public CallStore calls() {
        return calls;
    }

    @Override
    public EventLog events() {
        return events;
    }

    /** Optional settings; {@link #build()} checks the schema (or migrates it when asked). */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = Tables.DEFAULT_PREFIX;
        private Clock clock = Clock.systemUTC();
        private boolean migrate;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Overrides the dialect detected from the connection metadata. */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect must not be null");
            return this;
        }

        /** Prefix of every table name; default {@code bc_}. Lower-case letters, digits and _. */
        public Builder tablePrefix(String value) {
            new Tables(value);
            this.tablePrefix = value;
            return this;
        }

        /** The clock stamping batch events; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /** Whether {@link #build()} applies missing migrations (default false: it only checks). */
        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /**
         * @throws SchemaVersionException if the schema is missing, incomplete or newer than this library
         */
        public JdbcStorage build() {
            Setup setup = Setup.prepare(dataSource, dialect, tablePrefix, migrate);
            LOG.info("batchcall JDBC storage on {}: tables {}*, schema version {}{}", setup.dialect().dialect(),
                    tablePrefix, setup.schemaVersion(), migrate ? " (migrations applied)" : "");
            return new JdbcStorage(setup, clock);
        }
    }
}
