-- batchcall schema 9 for PostgreSQL: account_id leads every key of the per-account tables, so that
-- a sharded PostgreSQL (Citus) can distribute them by account, colocated (docs/scale-out.md).
--
-- Primary keys become (account_id, id); unique constraints and foreign keys take account_id first,
-- and foreign keys join on it. Ids stay globally unique (identity columns), so no row changes
-- meaning; plain indexes on id keep the lookups by id alone (public by-id reads, recovery sweeps)
-- indexed. schema_version is the one global table (a reference table when distributed).
-- Existing rows migrate in place; their account ids already agree along the foreign keys.

ALTER TABLE ${prefix}attempts DROP CONSTRAINT ${prefix}attempts_recipient_id_fkey;
ALTER TABLE ${prefix}recipients DROP CONSTRAINT ${prefix}recipients_batch;

ALTER TABLE ${prefix}batches DROP CONSTRAINT ${prefix}batches_pkey;
ALTER TABLE ${prefix}batches ADD CONSTRAINT ${prefix}batches_pkey PRIMARY KEY (account_id, id);
ALTER TABLE ${prefix}batches DROP CONSTRAINT ${prefix}batches_one_run;
ALTER TABLE ${prefix}batches ADD CONSTRAINT ${prefix}batches_one_run UNIQUE (account_id, parent_id, occurrence);
CREATE INDEX ${prefix}batches_id ON ${prefix}batches (id);

ALTER TABLE ${prefix}recipients DROP CONSTRAINT ${prefix}recipients_pkey;
ALTER TABLE ${prefix}recipients ADD CONSTRAINT ${prefix}recipients_pkey PRIMARY KEY (account_id, id);
ALTER TABLE ${prefix}recipients DROP CONSTRAINT ${prefix}recipients_one_number;
ALTER TABLE ${prefix}recipients ADD CONSTRAINT ${prefix}recipients_one_number UNIQUE (account_id, batch_id, phone);
ALTER TABLE ${prefix}recipients ADD CONSTRAINT ${prefix}recipients_batch FOREIGN KEY (account_id, batch_id)
    REFERENCES ${prefix}batches (account_id, id) ON DELETE CASCADE;
CREATE INDEX ${prefix}recipients_id ON ${prefix}recipients (id);

ALTER TABLE ${prefix}attempts DROP CONSTRAINT ${prefix}attempts_pkey;
ALTER TABLE ${prefix}attempts ADD CONSTRAINT ${prefix}attempts_pkey PRIMARY KEY (account_id, id);
ALTER TABLE ${prefix}attempts ADD CONSTRAINT ${prefix}attempts_recipient FOREIGN KEY (account_id, recipient_id)
    REFERENCES ${prefix}recipients (account_id, id) ON DELETE CASCADE;
CREATE INDEX ${prefix}attempts_id ON ${prefix}attempts (id);

ALTER TABLE ${prefix}events DROP CONSTRAINT ${prefix}events_pkey;
ALTER TABLE ${prefix}events ADD CONSTRAINT ${prefix}events_pkey PRIMARY KEY (account_id, id);

ALTER TABLE ${prefix}dead_letters DROP CONSTRAINT ${prefix}dead_letters_pkey;
ALTER TABLE ${prefix}dead_letters ADD CONSTRAINT ${prefix}dead_letters_pkey PRIMARY KEY (account_id, id);
ALTER TABLE ${prefix}webhooks DROP CONSTRAINT ${prefix}webhooks_pkey;
ALTER TABLE ${prefix}webhooks ADD CONSTRAINT ${prefix}webhooks_pkey PRIMARY KEY (account_id, id);

-- Retention progress is kept per account; progress of batches deleted since is dropped.
ALTER TABLE ${prefix}purge_progress ADD COLUMN account_id VARCHAR(128);
UPDATE ${prefix}purge_progress SET account_id = (SELECT b.account_id FROM ${prefix}batches b
    WHERE b.id = ${prefix}purge_progress.batch_id);
DELETE FROM ${prefix}purge_progress WHERE account_id IS NULL;
ALTER TABLE ${prefix}purge_progress ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE ${prefix}purge_progress DROP CONSTRAINT ${prefix}purge_progress_pkey;
ALTER TABLE ${prefix}purge_progress ADD CONSTRAINT ${prefix}purge_progress_pkey PRIMARY KEY (account_id, batch_id);

INSERT INTO ${prefix}schema_version (version, description) VALUES (9, 'account-led keys');
