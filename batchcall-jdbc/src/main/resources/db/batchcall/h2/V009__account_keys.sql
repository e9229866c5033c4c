-- batchcall schema 9 for H2: retention progress per account.
--
-- On PostgreSQL this version makes account_id lead every key of the per-account tables, for a
-- database sharded by account (docs/scale-out.md). The embedded H2 database is never sharded and
-- keeps its keys on id: ids are globally unique and a batch never changes account, so (id) and
-- (account_id, id) are the same constraint there, and every statement filters by account_id on
-- both dialects alike. Only purge_progress gains its account column, which the statements use.
ALTER TABLE ${prefix}purge_progress ADD COLUMN account_id VARCHAR(128);
UPDATE ${prefix}purge_progress SET account_id = (SELECT b.account_id FROM ${prefix}batches b
    WHERE b.id = ${prefix}purge_progress.batch_id);
DELETE FROM ${prefix}purge_progress WHERE account_id IS NULL;
ALTER TABLE ${prefix}purge_progress ALTER COLUMN account_id SET NOT NULL;

INSERT INTO ${prefix}schema_version (version, description) VALUES (9, 'account-led keys');
