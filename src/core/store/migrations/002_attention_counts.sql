-- Version 2: cells a re-extraction disagrees with, and per-report counts so the queue lists 10,000 reports in one
-- indexed query.

ALTER TABLE cells ADD COLUMN attention TEXT;

ALTER TABLE reports ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN edited_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN attention_count INTEGER NOT NULL DEFAULT 0;

-- Findings an edit resolved (extractor checks whose cells a reviewer has set) stop counting.
ALTER TABLE findings ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;

UPDATE reports SET
  error_count = (
    SELECT count(*) FROM findings f
    WHERE f.report_id = reports.id AND f.severity = 'error'
      AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.report_id = f.report_id AND w.rule = f.rule AND w.keys = f.keys)
  ),
  warning_count = (
    SELECT count(*) FROM findings f
    WHERE f.report_id = reports.id AND f.severity = 'warning'
      AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.report_id = f.report_id AND w.rule = f.rule AND w.keys = f.keys)
  ),
  edited_count = (SELECT count(*) FROM cells c WHERE c.report_id = reports.id AND c.edited = 1);

CREATE INDEX reports_status ON reports (status, template);
CREATE INDEX reports_agency_year ON reports (agency, year);
CREATE INDEX edits_undo ON edits (report_id, undo_state, id);
