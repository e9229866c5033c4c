-- PLACEHOLDER in branch 'policy' only: versions 5 and 6 are assigned to other branches (issue 14).
-- It exists so that V007 applies here (versions must have no gaps). Delete it when merging; the
-- real V005 comes from the other branch.
INSERT INTO ${prefix}schema_version (version, description) VALUES (5, 'reserved');
