package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.JdbcBatchStore;
import io.batchcall.jdbc.internal.JdbcCallStore;
import io.batchcall.jdbc.internal.JdbcOutcomeStore;
import io.batchcall.jdbc.internal.JdbcContactStore;
import io.batchcall.jdbc.internal.JdbcEventLog;
import io.batchcall.jdbc.internal.JdbcRecipientStore;
import io.batchcall.jdbc.internal.JdbcSubscriptionStore;
import io.batchcall.jdbc.internal.JdbcWebhookStore;
import io.batchcall.jdbc.internal.Setup;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.OutcomeStore;
import io.batchcall.spi.RecipientStore;
import io.batchcall.spi.Storage;
import io.batchcall.spi.SubscriptionStore;
import io.batchcall.spi.WebhookStore;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The storage port on a relational database: PostgreSQL for production and clusters of engines,
 * embedded H2 as the zero-setup single-node default.
 *
 * <pre>{@code
 * Storage storage = JdbcBackend.builder(dataSource).migrate(true).build().storage();
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
    private final Dialect dialect;
    private final BatchStore batches;
    private final RecipientStore recipients;
    private final CallStore calls;
    private final EventLog events;
    private final OutcomeStore outcomes;
    private final SubscriptionStore subscriptions;
    private final WebhookStore webhooks;
    private final ContactStore contacts;

    JdbcStorage(Setup s, Clock clock) {
        this(s, clock, false);
    }

    JdbcStorage(Setup s, Clock clock, boolean durableIntermediateStatuses) {
        this.dialect = s.dialect().dialect();
        this.batches = new JdbcBatchStore(s.jdbc(), s.tables(), s.dialect(), clock, s.batchAccounts());
        this.recipients = new JdbcRecipientStore(s.jdbc(), s.tables(), s.dialect(), s.batchAccounts());
        this.calls = new JdbcCallStore(s.jdbc(), s.tables(), s.dialect(), s.batchAccounts(),
                durableIntermediateStatuses);
        this.events = new JdbcEventLog(s.jdbc(), s.tables());
        this.outcomes = new JdbcOutcomeStore(s.jdbc(), s.tables(), s.dialect(), s.batchAccounts());
        this.subscriptions = new JdbcSubscriptionStore(s.jdbc(), s.tables(), s.dialect());
        this.webhooks = new JdbcWebhookStore(s.jdbc(), s.tables());
        this.contacts = new JdbcContactStore(s.jdbc(), s.tables(), s.dialect());
    }

    /**
     * Starts a builder on the host's pool; the database dialect is detected unless set.
     *
     * @param dataSource the host's connection pool; not null
     * @return a new builder
     * @deprecated use {@link JdbcBackend#builder(DataSource)}, which builds the storage and the ledger
     *     with one set of settings; this builder delegates to it
     */
    @Deprecated
    public static Builder builder(DataSource dataSource) {
        return new Builder(JdbcBackend.builder(dataSource));
    }

    /**
     * The database dialect in use, detected or set.
     *
     * @return the dialect
     */
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

    @Override
    public OutcomeStore outcomes() {
        return outcomes;
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public WebhookStore webhooks() {
        return webhooks;
    }

    @Override
    public ContactStore contacts() {
        return contacts;
    }

    /** Optional settings, as for {@link JdbcBackend.Builder}, to which every call is passed on. */
    public static final class Builder {
        private final JdbcBackend.Builder backend;

        private Builder(JdbcBackend.Builder backend) {
            this.backend = backend;
        }

        /**
         * Overrides the dialect detected from the connection metadata.
         *
         * @param value the dialect
         * @return this builder
         */
        public Builder dialect(Dialect value) {
            backend.dialect(value);
            return this;
        }

        /**
         * Prefix of every table name; default {@code bc_}. Lower-case letters, digits and _.
         *
         * @param value the prefix
         * @return this builder
         * @throws IllegalArgumentException if the prefix breaks that rule
         */
        public Builder tablePrefix(String value) {
            backend.tablePrefix(value);
            return this;
        }

        /**
         * The clock stamping batch events; default UTC system clock.
         *
         * @param value the clock; not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            backend.clock(value);
            return this;
        }

        /**
         * Whether {@link #build()} applies missing migrations (default false: it only checks).
         *
         * @param value true to apply missing migrations
         * @return this builder
         */
        public Builder migrate(boolean value) {
            backend.migrate(value);
            return this;
        }

        /**
         * Whether ringing and in-progress statuses wait for the WAL flush too, as for
         * {@link JdbcBackend.Builder#durableIntermediateStatuses}.
         *
         * @param value true to flush every status (on Citus)
         * @return this builder
         */
        public Builder durableIntermediateStatuses(boolean value) {
            backend.durableIntermediateStatuses(value);
            return this;
        }

        /**
         * Checks (or migrates) the schema and builds the storage.
         *
         * @return the storage
         * @throws SchemaVersionException if the schema is missing, incomplete or newer than this library
         */
        public JdbcStorage build() {
            return backend.build().storage();
        }
    }
}
