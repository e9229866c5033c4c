-- batchcall schema 7 for PostgreSQL: contact policy (suppression lists, frequency caps, retention).
--
-- Numbers are keyed by phone_hash = SHA-256 hex of account id, a newline and the E.164 number
-- (io.batchcall.policy.NumberHash), so that an entry can outlive the erasure of its number.

-- An account's do-not-call list; phone is NULL once the number was erased (the hash keeps it suppressed).
CREATE TABLE ${prefix}suppressions (
    account_id    VARCHAR(128) NOT NULL,
    phone_hash    VARCHAR(64)  NOT NULL,
    phone         VARCHAR(16),
    reason        VARCHAR(200) NOT NULL,
    source        VARCHAR(64)  NOT NULL,
    created_at_us BIGINT       NOT NULL,
    PRIMARY KEY (account_id, phone_hash)
);

-- Recent dial instants of a number for frequency caps: comma-separated epoch microseconds, at most
-- the cap's largest limit of them. The row is locked while a dial is decided.
CREATE TABLE ${prefix}contact_dials (
    account_id VARCHAR(128)    NOT NULL,
    phone_hash VARCHAR(64)     NOT NULL,
    dials_us   VARCHAR(20000)  NOT NULL,
    PRIMARY KEY (account_id, phone_hash)
);

-- Retention: which finished batch's history was purged up to which recipient, for which finish.
CREATE TABLE ${prefix}purge_progress (
    batch_id         BIGINT NOT NULL PRIMARY KEY,
    finished_at_us   BIGINT NOT NULL,
    recipient_cursor BIGINT NOT NULL,
    done             BOOLEAN NOT NULL
);
CREATE INDEX ${prefix}batches_finished ON ${prefix}batches (finished_at_us, id)
    WHERE status IN ('completed', 'cancelled', 'failed');
-- Events of one batch, for the retention purge.
CREATE INDEX ${prefix}events_batch ON ${prefix}events (batch_id, id);

INSERT INTO ${prefix}schema_version (version, description) VALUES (8, 'contact policy');
