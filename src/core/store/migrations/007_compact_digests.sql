-- Version 7: document digests in a compact form. A document's prose sentences are stored as a BLOB of unsigned
-- 32-bit little-endian integers (hash, start, end for each sentence) instead of JSON, so the panel reads them
-- without parsing; the import workers compute them alongside extraction. Digests are derived data (recomputed from
-- the document's text when missing), so the old table is dropped rather than converted. A table with rowids: rows
-- arrive in random sha256 order during an import, and appending them (only the small key index takes random
-- inserts) writes far fewer pages per transaction than a WITHOUT ROWID table ordered by sha256.
DROP TABLE document_digests;
CREATE TABLE document_digests (
  sha256 TEXT PRIMARY KEY,
  sentences BLOB NOT NULL,
  sections TEXT NOT NULL
);
