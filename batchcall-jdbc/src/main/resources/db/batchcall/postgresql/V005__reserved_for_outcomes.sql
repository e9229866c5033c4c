-- batchcall schema 5: PLACEHOLDER on the hooks branch only. Version 5 belongs to the outcomes
-- branch (V005__outcomes.sql); this file exists so that V006 has no gap here. Drop it at merge.
INSERT INTO ${prefix}schema_version (version, description) VALUES (5, 'placeholder for outcomes');
