// Re-extraction keeps people's work: every cell is read again, but a cell a reviewer edited keeps the reviewer's
// value, and is marked for attention where the new extraction differs from the previous one and disagrees with it.
import type { Extraction } from '../../shared/types';
import { stmt, type Store } from './open';

interface OldCell {
  key: string;
  extracted: number | null;
  value: number | null;
  edited: number;
  label: string | null;
  attention: string | null;
}

const fmt = (v: number | null): string => (v === null ? '空' : String(v));

export function disagreement(extracted: number | null, reviewed: number | null): string {
  return `重新提取得到 ${fmt(extracted)}，与审校值 ${fmt(reviewed)} 不同 (re-extraction disagrees with the reviewer)`;
}

export const NOT_FOUND_AGAIN =
  '重新提取时未找到此单元格，保留审校值 (cell not found on re-extraction; reviewer value kept)';

/**
 * Replaces the cells of a report by those of `x`, keeping edited values. Returns whether any edit was kept and
 * whether any current value changed (a verified report then returns to review).
 */
export function keepEdits(
  db: Store,
  reportId: number,
  x: Extraction,
): { keptEdits: boolean; valuesChanged: boolean } {
  const old = new Map(
    (
      stmt(db, 'SELECT key, extracted, value, edited, label, attention FROM cells WHERE report_id = ?').all(
        reportId,
      ) as OldCell[]
    ).map((c) => [c.key, c]),
  );
  stmt(db, 'DELETE FROM cells WHERE report_id = ?').run(reportId);
  const insert = stmt(
    db,
    `INSERT INTO cells (report_id, key, label, raw, extracted, value, how, span_start, span_end, review, edited, attention)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const review = new Set(x.review);
  let keptEdits = false;
  let valuesChanged = false;
  for (const c of x.cells) {
    const before = old.get(c.key);
    old.delete(c.key);
    const edited = before?.edited === 1;
    const value = edited ? before.value : c.value;
    // A reviewer's value is flagged only when the extraction itself changed and now disagrees with it; an
    // unchanged extraction keeps whatever flag the cell had (none, or one the reviewer has not dealt with yet).
    const extractionChanged = before === undefined || before.extracted !== c.value;
    const attention = !edited
      ? null
      : extractionChanged
        ? before.value !== c.value
          ? disagreement(c.value, before.value)
          : null
        : before.attention;
    keptEdits ||= edited;
    valuesChanged ||=
      (extractionChanged && attention !== null) || before === undefined || before.value !== value;
    insert.run(
      reportId,
      c.key,
      c.label ?? null,
      c.raw,
      c.value,
      value,
      c.how,
      c.span?.start ?? null,
      c.span?.end ?? null,
      review.has(c.key) ? 1 : 0,
      edited ? 1 : 0,
      attention,
    );
  }
  for (const gone of old.values()) {
    if (gone.edited === 1) {
      keptEdits = true;
      valuesChanged = true;
      insert.run(
        reportId,
        gone.key,
        gone.label,
        null,
        null,
        gone.value,
        null,
        null,
        null,
        1,
        1,
        NOT_FOUND_AGAIN,
      );
    } else {
      valuesChanged = true;
    }
  }
  return { keptEdits, valuesChanged };
}
