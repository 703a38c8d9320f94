-- Version 5: a cell may be read by OCR from a page image (how = 'ocr'). SQLite cannot change a CHECK constraint, so
-- the cells table is copied into one that allows it, column for column (version 1's columns and version 2's
-- `attention`), and takes its name.

CREATE TABLE cells_v5 (
  report_id INTEGER NOT NULL REFERENCES reports (id),
  key TEXT NOT NULL,
  label TEXT,
  raw TEXT,
  extracted NUMERIC,
  value NUMERIC,
  how TEXT CHECK (how IN ('clean', 'split', 'blank_as_zero', 'guessed', 'ocr')),
  span_start INTEGER,
  span_end INTEGER,
  review INTEGER NOT NULL DEFAULT 0,
  edited INTEGER NOT NULL DEFAULT 0,
  attention TEXT,
  PRIMARY KEY (report_id, key)
) WITHOUT ROWID;

INSERT INTO cells_v5 (report_id, key, label, raw, extracted, value, how, span_start, span_end, review, edited, attention)
SELECT report_id, key, label, raw, extracted, value, how, span_start, span_end, review, edited, attention FROM cells;

DROP TABLE cells;
ALTER TABLE cells_v5 RENAME TO cells;
