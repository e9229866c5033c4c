-- batchcall schema 2 for PostgreSQL: partial indexes and per-table autovacuum.

CREATE INDEX ${prefix}batches_account ON ${prefix}batches (account_id, id);
CREATE INDEX ${prefix}batches_status ON ${prefix}batches (status, id);

-- The claim: WHERE batch_id = ? AND status = 'pending' AND not_before_us <= ?
-- ORDER BY not_before_us, id LIMIT n FOR UPDATE SKIP LOCKED. Claimed rows leave the index, so its
-- head stays small. (ORDER BY id alone would let the planner walk the primary key past every
-- claimed row.)
CREATE INDEX ${prefix}recipients_claim ON ${prefix}recipients (batch_id, not_before_us, id)
    WHERE status = 'pending';
-- Active calls of an account and of its batches: at most the account cap of entries.
CREATE INDEX ${prefix}recipients_active ON ${prefix}recipients (account_id, batch_id)
    WHERE status IN ('calling', 'initiated', 'ringing', 'in_progress');
-- A batch's recipients in id order: pages, number lists, copies and bulk moves read one batch
-- without walking the primary key past every other batch's rows.
CREATE INDEX ${prefix}recipients_batch ON ${prefix}recipients (batch_id, id);
-- Deliberately no index on (batch_id, status): straight after an import, before statistics exist,
-- the planner would take it for the claim and sort the whole batch (PostgresPlanTest pins this).

CREATE INDEX ${prefix}attempts_recipient ON ${prefix}attempts (recipient_id, id);
CREATE INDEX ${prefix}attempts_lease ON ${prefix}attempts (lease_until_us) WHERE status = 'calling';
CREATE INDEX ${prefix}attempts_heard ON ${prefix}attempts (last_event_at_us)
    WHERE status IN ('initiated', 'ringing', 'in_progress');

CREATE UNIQUE INDEX ${prefix}events_seq ON ${prefix}events (seq);
CREATE INDEX ${prefix}events_unnumbered ON ${prefix}events (id) WHERE seq IS NULL;

-- Every claim leaves dead entries at the head of the claim index; with the default thresholds
-- (20% of a million-row table) claim speed decays for minutes. Vacuum after a fixed number of
-- dead rows instead, without throttling.
ALTER TABLE ${prefix}recipients SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE ${prefix}attempts SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
ALTER TABLE ${prefix}events SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);

INSERT INTO ${prefix}schema_version (version, description) VALUES (2, 'indexes');
