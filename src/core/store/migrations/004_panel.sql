-- Version 4: the panel. Agencies as things (a registry of names as printed), each report's agency and year for the
-- coverage matrix, the audit log of registry changes, and findings that look across reports or at a whole report
-- (cross-report chains, supervisors' checks).

-- `merged_into` is set when the agency was merged into another one; its names then point at that one.
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT,
  parent_id INTEGER REFERENCES agencies (id),
  merged_into INTEGER REFERENCES agencies (id),
  created_at TEXT NOT NULL
);

-- The name as printed (whitespace removed, NFKC) → the agency it means.
CREATE TABLE agency_names (
  name TEXT PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id)
) WITHOUT ROWID;
CREATE INDEX agency_names_agency ON agency_names (agency_id);

-- `agency_assigned`: the reviewer put this one report under an agency, whatever its printed name says.
-- `agency_id` and `panel_year` are derived (names, assignment, and for unreadable files the file name) and kept in
-- step by the panel; they place the report in the coverage matrix.
ALTER TABLE reports ADD COLUMN agency_assigned INTEGER REFERENCES agencies (id);
ALTER TABLE reports ADD COLUMN agency_id INTEGER REFERENCES agencies (id);
ALTER TABLE reports ADD COLUMN panel_year INTEGER;
CREATE INDEX reports_panel ON reports (agency_id, panel_year);

-- The registry's audit log: every change as a list of row changes (JSON [{table, id, column, old, new}]), so undo
-- and redo replay it exactly as the cells' edits do.
CREATE TABLE agency_edits (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('do', 'undo', 'redo')),
  changes TEXT NOT NULL,
  summary TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT,
  replays INTEGER REFERENCES agency_edits (id),
  undo_state TEXT NOT NULL CHECK (undo_state IN ('active', 'undone', 'closed'))
);
CREATE INDEX agency_edits_undo ON agency_edits (undo_state, id);

-- Findings about a report as a whole or about two reports of one agency. `other_report_id` is the other report
-- of a cross-report finding. `detail` is JSON (e.g. the repeated passages of the text-reuse check).
CREATE TABLE panel_findings (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  other_report_id INTEGER REFERENCES reports (id),
  kind TEXT NOT NULL CHECK (kind IN ('cross', 'supervision')),
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  keys TEXT NOT NULL DEFAULT '[]',
  message TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX panel_findings_report ON panel_findings (report_id);
CREATE INDEX panel_findings_other ON panel_findings (other_report_id);

-- What the panel's text checks need from a document, computed once per content: its prose sentences (FNV-1a hash
-- of the compared form, start, end) and the sections it has. JSON.
CREATE TABLE document_digests (
  sha256 TEXT PRIMARY KEY,
  sentences TEXT NOT NULL,
  sections TEXT NOT NULL
) WITHOUT ROWID;
