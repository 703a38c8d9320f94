-- Placeholder: version 4 belongs to another branch (issue 10). When that branch is merged, delete this file.
SELECT 1;
