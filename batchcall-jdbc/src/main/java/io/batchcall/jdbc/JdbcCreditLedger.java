package io.batchcall.jdbc;

import io.batchcall.jdbc.internal.Ledger;
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

/**
 * The credit ledger on PostgreSQL or H2, in the same schema as {@link JdbcStorage}; built with it
 * by {@link JdbcBackend}. Every operation is decided by the core's
 * {@link io.batchcall.credit.CreditRules} over the account's balance row, locked for the
 * transaction, and the key's row, so "never below zero" and idempotency by key hold across nodes;
 * amounts are exact micro-units. Keys are 1-255 characters. Thread-safe.
 */
public final class JdbcCreditLedger implements CreditLedger {
    private final Ledger ledger;

    JdbcCreditLedger(Ledger ledger) {
        this.ledger = ledger;
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
         * The clock stamping ledger rows; default UTC system clock.
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
         * Checks (or migrates) the schema and builds the ledger.
         *
         * @return the ledger
         * @throws SchemaVersionException if the schema is missing, incomplete or newer than this library
         */
        public JdbcCreditLedger build() {
            return backend.build().ledger();
        }
    }
}
