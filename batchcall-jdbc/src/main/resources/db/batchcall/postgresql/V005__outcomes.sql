-- batchcall schema 5 for PostgreSQL (partial index): call outcomes a host can act on.
--
-- answered_by: who answered (human, machine, fax, unknown), from the carrier's answering-machine
-- detection; the first known value is kept. disposition_*: what the host reported came of the
-- call, recorded once (code, JSON object of string values, when).
ALTER TABLE ${prefix}attempts ADD COLUMN answered_by VARCHAR(8);
ALTER TABLE ${prefix}attempts ADD COLUMN disposition_code VARCHAR(64);
ALTER TABLE ${prefix}attempts ADD COLUMN disposition_data TEXT;
ALTER TABLE ${prefix}attempts ADD COLUMN disposition_at_us BIGINT;
CREATE INDEX ${prefix}attempts_disposition ON ${prefix}attempts (batch_id, disposition_code)
    WHERE disposition_code IS NOT NULL;

INSERT INTO ${prefix}schema_version (version, description) VALUES (5, 'call outcomes');
