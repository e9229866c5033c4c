-- batchcall schema 3: the credit ledger. Amounts are BIGINT micro-units of the currency.

-- balance = top-ups - captures; held = open holds. The CHECK keeps available credit
-- (balance - held) from going below zero whatever writes the table.
CREATE TABLE ${prefix}credit_balances (
    account_id     VARCHAR(128) NOT NULL,
    currency       VARCHAR(3)   NOT NULL,
    balance_micros BIGINT       NOT NULL,
    held_micros    BIGINT       NOT NULL,
    PRIMARY KEY (account_id, currency),
    CONSTRAINT ${prefix}credit_never_below_zero CHECK (held_micros >= 0 AND balance_micros >= held_micros)
);

CREATE TABLE ${prefix}credit_topups (
    account_id    VARCHAR(128) NOT NULL,
    topup_key     VARCHAR(255) NOT NULL,
    currency      VARCHAR(3)   NOT NULL,
    amount_micros BIGINT       NOT NULL,
    created_at_us BIGINT       NOT NULL,
    PRIMARY KEY (account_id, topup_key)
);

-- state: open, captured or released. A capture without a hold is stored as a captured row.
CREATE TABLE ${prefix}credit_holds (
    account_id       VARCHAR(128) NOT NULL,
    hold_key         VARCHAR(255) NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    amount_micros    BIGINT       NOT NULL,
    state            VARCHAR(10)  NOT NULL,
    charged_micros   BIGINT,
    shortfall_micros BIGINT,
    created_at_us    BIGINT       NOT NULL,
    settled_at_us    BIGINT,
    PRIMARY KEY (account_id, hold_key)
);

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'credit ledger');
