-- batchcall schema 2: indexes (H2 and other databases without partial indexes; PostgreSQL has
-- its own version of this file).

CREATE INDEX ${prefix}batches_account ON ${prefix}batches (account_id, id);
CREATE INDEX ${prefix}batches_status ON ${prefix}batches (status, id);

-- The claim walks this index in order: WHERE batch_id = ? AND status = 'pending' AND
-- not_before_us <= ? ORDER BY batch_id, status, not_before_us, id.
CREATE INDEX ${prefix}recipients_claim ON ${prefix}recipients (batch_id, status, not_before_us, id);
-- A batch's recipients in id order: pages, number lists, copies and bulk moves read one batch
-- without walking the primary key past every other batch's rows.
CREATE INDEX ${prefix}recipients_batch ON ${prefix}recipients (batch_id, id);
-- Active calls of an account (and of one of its batches), counted under the account lock. Status
-- first: H2 looks up an IN list only on an index's first column (account first scans the account).
CREATE INDEX ${prefix}recipients_active ON ${prefix}recipients (status, account_id, batch_id);

-- attempts(recipient_id) is indexed by H2 for its foreign key.
CREATE INDEX ${prefix}attempts_lease ON ${prefix}attempts (status, lease_until_us);
CREATE INDEX ${prefix}attempts_heard ON ${prefix}attempts (status, last_event_at_us);

CREATE UNIQUE INDEX ${prefix}events_seq ON ${prefix}events (seq);

INSERT INTO ${prefix}schema_version (version, description) VALUES (2, 'indexes');
