-- Placeholder: version 3 belongs to another branch. When that branch is merged, delete this file.
SELECT 1;
