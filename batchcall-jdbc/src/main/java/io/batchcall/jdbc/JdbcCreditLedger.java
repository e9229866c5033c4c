package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.Ledger;
import io.batchcall.jdbc.internal.Setup;
import io.batchcall.jdbc.internal.Tables;
import io.batchcall.model.AccountId;
import io.batchcall.model.Money;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Hold;
import java.time.Clock;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credit ledger on PostgreSQL or H2, in the same schema as {@link JdbcStorage}. Each write
 * locks the account's balance row, so "never below zero" and idempotency by key hold across
 * nodes; amounts are exact micro-units. Keys are 1-255 characters. Thread-safe.
 */
public final class JdbcCreditLedger implements CreditLedger {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCreditLedger.class);

    private final Ledger ledger;

    private JdbcCreditLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource must not be null"));
    }

    @Override
    public Optional<Hold> hold(AccountId account, Money amount, String key) {
        return ledger.hold(Objects.requireNonNull(account, "account must not be null"),
                Objects.requireNonNull(amount, "amount must not be null"), requireKey(key));
    }

    @Override
    public Capture capture(AccountId account, String key, Money actual) {
        return ledger.capture(Objects.requireNonNull(account, "account must not be null"), requireKey(key),
                Objects.requireNonNull(actual, "actual must not be null"));
    }

    @Override
    public void release(AccountId account, String key) {
        ledger.release(Objects.requireNonNull(account, "account must not be null"), requireKey(key));
    }

    @Override
    public void topUp(AccountId account, Money amount, String key) {
        ledger.topUp(Objects.requireNonNull(account, "account must not be null"),
                Objects.requireNonNull(amount, "amount must not be null"), requireKey(key));
    }

    @Override
    public Money available(AccountId account, Currency currency) {
        return ledger.available(Objects.requireNonNull(account, "account must not be null"),
                Objects.requireNonNull(currency, "currency must not be null"));
    }

    /** Holds and captures this instance applied in group commits of two or more (for tests). */
    long groupedOperations() {
        return ledger.groupedOperations();
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 255) {
            throw new IllegalArgumentException("key must be 1-255 characters, but was "
                    + (key == null ? "null" : key.length() + " characters"));
        }
        return key;
    }

    /** Optional settings, as for {@link JdbcStorage.Builder}. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String tablePrefix = Tables.DEFAULT_PREFIX;
        private Clock clock = Clock.systemUTC();
        private boolean migrate;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect must not be null");
            return this;
        }

        public Builder tablePrefix(String value) {
            new Tables(value);
            this.tablePrefix = value;
            return this;
        }

        /** The clock stamping ledger rows; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        /** @throws SchemaVersionException if the schema is missing, incomplete or newer than this library */
        public JdbcCreditLedger build() {
            Setup s = Setup.prepare(dataSource, dialect, tablePrefix, migrate);
            LOG.info("batchcall JDBC credit ledger on {}: tables {}*, schema version {}", s.dialect().dialect(),
                    tablePrefix, s.schemaVersion());
            return new JdbcCreditLedger(new Ledger(s.jdbc(), s.tables(), s.dialect(), clock));
        }
    }
}
