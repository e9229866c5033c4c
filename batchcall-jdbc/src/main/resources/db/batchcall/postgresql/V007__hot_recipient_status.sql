-- batchcall schema 5 for PostgreSQL: a call's live statuses change its recipient's row without
-- touching any index (HOT updates).
--
-- The recipient's status used to sit in the predicates of the claim and active-call partial
-- indexes, so each of a call's four status changes wrote a new entry into every index of the
-- row. The predicates now read phase (0 pending, 1 live, 2 ended), computed from the status and
-- unchanged between calling and in progress, and pages keep room for the new row versions.
-- To be renumbered V008 when merged after V005-V007 of other branches.
ALTER TABLE ${prefix}recipients SET (fillfactor = 85);
ALTER TABLE ${prefix}recipients ADD COLUMN phase SMALLINT GENERATED ALWAYS AS (CASE WHEN status = 'pending' THEN 0
    WHEN status IN ('calling', 'initiated', 'ringing', 'in_progress') THEN 1 ELSE 2 END) STORED;
DROP INDEX ${prefix}recipients_claim;
CREATE INDEX ${prefix}recipients_claim ON ${prefix}recipients (batch_id, not_before_us, id) WHERE phase = 0;
DROP INDEX ${prefix}recipients_active;
CREATE INDEX ${prefix}recipients_active ON ${prefix}recipients (account_id, batch_id) WHERE phase = 1;

INSERT INTO ${prefix}schema_version (version, description) VALUES (7, 'recipient phase for HOT status changes');
