-- Version 8: each report keeps a fingerprint of the values read from its file (src/core/store/groups.ts), written
-- with its cells, so that finding the same report in several files reads one column instead of every cell of
-- every report. Reports stored before are fingerprinted when the store is opened (fillFingerprints).
ALTER TABLE reports ADD COLUMN values_fp TEXT;
CREATE INDEX reports_same_report ON reports (agency, year, template, values_fp);
