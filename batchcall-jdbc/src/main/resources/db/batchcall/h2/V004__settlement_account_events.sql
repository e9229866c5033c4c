-- batchcall schema 4: durable settlement and events numbered per account.
--
-- Settlement: the transaction that records a call's terminal status sets settle_due; capturing
-- the credit hold, recording the cost and the retry decision clear it in one later transaction,
-- retried by every node's sweep until done. Ended calls of 0.1 that were never charged (a ledger
-- failure after the terminal status) are due now and are settled by the first engine step.
ALTER TABLE ${prefix}attempts ADD COLUMN settle_due BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE ${prefix}attempts SET settle_due = TRUE WHERE status IN ('completed', 'failed', 'busy', 'no_answer')
    AND placed_at_us IS NOT NULL AND cost_micros IS NULL;
CREATE INDEX ${prefix}attempts_unsettled ON ${prefix}attempts (settle_due, ended_at_us, id);
CREATE INDEX ${prefix}attempts_unsettled_batch ON ${prefix}attempts (settle_due, batch_id);

-- Events: seq is now the position in the account's own log, given at insert under the account's
-- row lock (accounts.event_seq holds the last one), never re-updated. Sequences already given
-- keep their order; events a crash left unnumbered go after them.
ALTER TABLE ${prefix}accounts ADD COLUMN event_seq BIGINT DEFAULT 0 NOT NULL;
UPDATE ${prefix}events SET seq = id + (SELECT COALESCE(MAX(seq), 0) FROM ${prefix}events) WHERE seq IS NULL;
INSERT INTO ${prefix}accounts (account_id, inbound_calls)
    SELECT DISTINCT e.account_id, 0 FROM ${prefix}events e
    WHERE NOT EXISTS (SELECT 1 FROM ${prefix}accounts a WHERE a.account_id = e.account_id);
UPDATE ${prefix}accounts SET event_seq = COALESCE((SELECT MAX(e.seq) FROM ${prefix}events e
    WHERE e.account_id = ${prefix}accounts.account_id), 0);
ALTER TABLE ${prefix}events ALTER COLUMN seq SET NOT NULL;
DROP INDEX ${prefix}events_seq;
CREATE UNIQUE INDEX ${prefix}events_account_seq ON ${prefix}events (account_id, seq);
DROP TABLE ${prefix}event_sequence;

INSERT INTO ${prefix}schema_version (version, description) VALUES (4, 'settlement and per-account events');
