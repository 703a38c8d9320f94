-- Version 6: the queue's first order (status needs_review, new, failed, verified; most errors first; path) as an
-- index, so that the top of the queue is read without sorting every report (src/core/store/queries.ts queueHead).

CREATE INDEX reports_queue ON reports (
  (CASE status WHEN 'needs_review' THEN 0 WHEN 'new' THEN 1 WHEN 'failed' THEN 2 ELSE 3 END),
  error_count DESC,
  path
);
