-- batchcall schema 5 for H2: the recipient's phase (0 pending, 1 live, 2 ended), computed from its
-- status. PostgreSQL's partial indexes read it so that a call's live statuses leave the indexes
-- alone; H2 has no partial indexes and keeps its status indexes, the column exists so that both
-- dialects run the same statements. To be renumbered V008 when merged after V005-V007.
ALTER TABLE ${prefix}recipients ADD COLUMN phase SMALLINT GENERATED ALWAYS AS (CASE WHEN status = 'pending' THEN 0
    WHEN status IN ('calling', 'initiated', 'ringing', 'in_progress') THEN 1 ELSE 2 END);

INSERT INTO ${prefix}schema_version (version, description) VALUES (7, 'recipient phase for HOT status changes');
