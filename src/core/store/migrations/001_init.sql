-- Nianbao store, version 1: reports, their paths and documents, cells, findings, waivers and the audit log.
-- Timestamps are ISO 8601 UTC text. JSON columns hold arrays of strings.

CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT
);

-- One row per distinct file content. `missing` is a flag, not a status: a report whose file was deleted keeps its
-- status and data.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  format TEXT,
  template TEXT CHECK (template IN ('2021', '2019', 'legacy', 'unknown')),
  agency TEXT,
  year INTEGER,
  published TEXT,
  status TEXT NOT NULL CHECK (status IN ('new', 'needs_review', 'verified', 'failed')),
  status_reason TEXT,
  missing INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  parser_version INTEGER NOT NULL,
  review TEXT NOT NULL DEFAULT '[]',
  warnings TEXT NOT NULL DEFAULT '[]',
  verified_by TEXT,
  verified_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Every path a report's content was seen at: duplicates, and the old paths of renamed files (present = 0).
CREATE TABLE report_paths (
  path TEXT PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  present INTEGER NOT NULL DEFAULT 1,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE INDEX report_paths_report ON report_paths (report_id);

-- `extracted` is what the extractor read, `value` the current value (the reviewer's when `edited`).
CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports (id),
  key TEXT NOT NULL,
  label TEXT,
  raw TEXT,
  extracted NUMERIC,
  value NUMERIC,
  how TEXT CHECK (how IN ('clean', 'split', 'blank_as_zero', 'guessed')),
  span_start INTEGER,
  span_end INTEGER,
  review INTEGER NOT NULL DEFAULT 0,
  edited INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (report_id, key)
) WITHOUT ROWID;

-- `source` = 'extract' for the extractor's own checks (kept until the next extraction), 'rules' for consistency
-- rules (recomputed after every change).
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  source TEXT NOT NULL CHECK (source IN ('extract', 'rules')),
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  keys TEXT NOT NULL,
  message TEXT NOT NULL,
  suspect TEXT,
  suggestion NUMERIC
);
CREATE INDEX findings_report ON findings (report_id);

-- A waiver outlives the finding it waives: it applies whenever a finding with the same rule and keys stands.
CREATE TABLE waivers (
  report_id INTEGER NOT NULL REFERENCES reports (id),
  rule TEXT NOT NULL,
  keys TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (report_id, rule, keys)
);

-- The audit log. `action`: 'do' (a reviewer's change), 'undo'/'redo' (replays of the edit `replays`), 'system'
-- (the program changed a status, e.g. the source file changed). `undo_state`: 'active' (in effect, can be
-- undone), 'undone' (can be redone), 'closed' (neither). `old`/`new` are JSON values.
CREATE TABLE edits (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  kind TEXT NOT NULL CHECK (kind IN ('cell', 'verify', 'reopen', 'waive', 'status')),
  action TEXT NOT NULL CHECK (action IN ('do', 'undo', 'redo', 'system')),
  key TEXT,
  old TEXT,
  new TEXT,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT,
  replays INTEGER REFERENCES edits (id),
  undo_state TEXT NOT NULL CHECK (undo_state IN ('active', 'undone', 'closed'))
);
CREATE INDEX edits_report ON edits (report_id, id);
