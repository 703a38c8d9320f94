// Writes of the folder library: a file that was read (new report, duplicate, moved, changed) and a file that went
// away. A report is one distinct content (sha256); report_paths records every path it was seen at.
import { OCR_OFF } from '../read/ocr/off';
import type { DocumentFormat, Extraction, Finding, Template, TemplateId } from '../../shared/types';
import type { PageLayout } from '../read/types';
import { rulesFor } from '../rules';
import { isRuleTemplate, refreshCounts, refreshFindings, replaceFindings } from './findings';
import { now, stmt, type Store } from './open';
import { storeFingerprint } from './groups';
import { keepEdits } from './reextract';
import { recordSystemStatus } from './write';

/** What reading one file produced; `error` is set (and `extraction` null) when it could not be read or extracted. */
export interface FileContent {
  format: DocumentFormat | null;
  text: string | null;
  encoding: string | null;
  warnings: string[];
  extraction: Extraction | null;
  error: string | null;
  /** For PDFs: page sizes and where the text is printed (stored with the document). */
  layout?: PageLayout | null;
  /** What the panel's text checks need from `text` (src/core/panel/digest.ts), computed by the import worker. */
  digest?: StoredDigest | null;
}

/** A document's digest as stored in document_digests: sentences as little-endian uint32 triples, section keys. */
export interface StoredDigest {
  sentences: Uint8Array;
  sections: string;
}

export interface ImportedFile {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  parserVersion: number;
  /** Null when this content is already stored with the current extractor: nothing was read. */
  content: FileContent | null;
}

export type SaveOutcome =
  | 'added' // a new report
  | 'failed' // a new report that could not be read
  | 'updated' // an existing report re-extracted (file changed, or a newer extractor)
  | 'duplicate' // same content as a report stored under another path
  | 'moved' // the content of a report whose file had gone (rename or move)
  | 'unchanged';

interface ReportRecord {
  id: number;
  status: string;
  parser_version: number;
}

const ruleIds = new Map<TemplateId, Set<string>>();

/** Findings of the consistency rules are recomputed after edits; every other finding belongs to the extraction. */
export function sourceOf(template: Template | null, rule: string): 'rules' | 'extract' {
  if (!isRuleTemplate(template)) return 'extract';
  let ids = ruleIds.get(template);
  if (!ids) {
    ids = new Set(rulesFor(template, () => true).map((r) => r.id));
    ruleIds.set(template, ids);
  }
  return ids.has(rule) ? 'rules' : 'extract';
}

function byHash(db: Store, sha256: string): ReportRecord | undefined {
  return stmt(db, 'SELECT id, status, parser_version FROM reports WHERE sha256 = ?').get(sha256) as
    ReportRecord | undefined;
}

/** True when this content is stored and was read by `version` of the extractor (or a newer one). */
export function isCurrent(db: Store, sha256: string, version: number): boolean {
  const r = byHash(db, sha256);
  return r !== undefined && r.parser_version >= version;
}

export interface KnownPath {
  size: number;
  mtimeMs: number;
  present: boolean;
  parserVersion: number;
}

/** Every recorded path, to skip unchanged files without reading them. */
export function knownPaths(db: Store): Map<string, KnownPath> {
  const rows = stmt(
    db,
    `SELECT p.path, p.size, p.mtime_ms, p.present, r.parser_version FROM report_paths p JOIN reports r ON r.id = p.report_id`,
  ).all() as { path: string; size: number; mtime_ms: number; present: number; parser_version: number }[];
  return new Map(
    rows.map((r) => [
      r.path,
      { size: r.size, mtimeMs: r.mtime_ms, present: r.present === 1, parserVersion: r.parser_version },
    ]),
  );
}

/** Keeps `reports.path` on a present path and `missing` true exactly when no path of the report is present. */
function fixPrimaryPath(db: Store, reportId: number): void {
  stmt(
    db,
    `UPDATE reports SET
       path = coalesce(
         (SELECT p.path FROM report_paths p WHERE p.report_id = reports.id AND p.present = 1 AND p.path = reports.path),
         (SELECT min(p.path) FROM report_paths p WHERE p.report_id = reports.id AND p.present = 1),
         reports.path),
       missing = NOT EXISTS (SELECT 1 FROM report_paths p WHERE p.report_id = reports.id AND p.present = 1)
     WHERE id = ?`,
  ).run(reportId);
}

function linkPath(db: Store, reportId: number, f: ImportedFile): void {
  const t = now();
  stmt(
    db,
    `INSERT INTO report_paths (path, report_id, size, mtime_ms, present, first_seen, last_seen) VALUES (?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (path) DO UPDATE SET report_id = excluded.report_id, size = excluded.size, mtime_ms = excluded.mtime_ms,
       present = 1, last_seen = excluded.last_seen`,
  ).run(f.path, reportId, f.size, f.mtimeMs, t, t);
}

/** Records that the file at `path` is gone. Its report keeps its data; it is `missing` when no other path holds it. */
export function markPathGone(db: Store, path: string): number | null {
  const link = stmt(db, 'SELECT report_id FROM report_paths WHERE path = ? AND present = 1').get(path) as
    { report_id: number } | undefined;
  if (!link) return null;
  stmt(db, 'UPDATE report_paths SET present = 0, last_seen = ? WHERE path = ?').run(now(), path);
  fixPrimaryPath(db, link.report_id);
  return link.report_id;
}

/** Present paths inside `folder` (for finding files deleted while nothing was watching). */
export function presentPathsUnder(db: Store, folder: string): string[] {
  const prefix =
    folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${folder.includes('\\') ? '\\' : '/'}`;
  return (
    stmt(db, 'SELECT path FROM report_paths WHERE present = 1 AND substr(path, 1, ?) = ?').all(
      prefix.length,
      prefix,
    ) as {
      path: string;
    }[]
  ).map((r) => r.path);
}

function storeDocument(db: Store, sha256: string, c: FileContent): void {
  if (c.text === null) return;
  const stored = stmt(
    db,
    'INSERT OR IGNORE INTO documents (sha256, text, format, encoding, layout) VALUES (?, ?, ?, ?, ?)',
  ).run(sha256, c.text, c.format ?? 'text', c.encoding, c.layout ? JSON.stringify(c.layout) : null);
  if (stored.changes === 0) return;
  // The text was stored just now: its digest goes with it in the same transaction. A digest left from an earlier
  // text of this content (another extractor) is replaced, or dropped for the panel to compute again.
  if (c.digest)
    stmt(db, 'INSERT OR REPLACE INTO document_digests (sha256, sentences, sections) VALUES (?, ?, ?)').run(
      sha256,
      Buffer.from(c.digest.sentences.buffer, c.digest.sentences.byteOffset, c.digest.sentences.byteLength),
      c.digest.sections,
    );
  else stmt(db, 'DELETE FROM document_digests WHERE sha256 = ?').run(sha256);
}

const CELLS_PER_INSERT = 50;

/** `count` cell rows per statement: far fewer calls into SQLite than one row at a time (import speed). */
function cellInsert(db: Store, count: number): ReturnType<typeof stmt> {
  const row = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)';
  return stmt(
    db,
    `INSERT INTO cells (report_id, key, label, raw, extracted, value, how, span_start, span_end, review, edited)
     VALUES ${Array.from({ length: count }, () => row).join(', ')}`,
  );
}

function insertCells(db: Store, reportId: number, x: Extraction): void {
  const review = new Set(x.review);
  for (let from = 0; from < x.cells.length; from += CELLS_PER_INSERT) {
    const chunk = x.cells.slice(from, from + CELLS_PER_INSERT);
    const params: (string | number | null)[] = [];
    for (const c of chunk) {
      params.push(
        reportId,
        c.key,
        c.label ?? null,
        c.raw,
        c.value,
        c.value,
        c.how,
        c.span?.start ?? null,
        c.span?.end ?? null,
        review.has(c.key) ? 1 : 0,
      );
    }
    cellInsert(db, chunk.length).run(params);
  }
}

export function insertFindings(
  db: Store,
  reportId: number,
  template: Template | null,
  findings: Finding[],
): void {
  const insert = stmt(
    db,
    `INSERT INTO findings (report_id, source, rule, severity, keys, message, suspect, suggestion)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of findings) {
    insert.run(
      reportId,
      sourceOf(template, f.rule),
      f.rule,
      f.severity,
      JSON.stringify(f.keys),
      f.message,
      f.suspect ?? null,
      f.suggestion ?? null,
    );
  }
}

function insertReport(db: Store, f: ImportedFile, c: FileContent): number {
  const t = now();
  const x = c.extraction;
  storeDocument(db, f.sha256, c);
  const info = stmt(
    db,
    `INSERT INTO reports (path, sha256, size, format, template, agency, year, published, status, error, parser_version,
       review, warnings, error_count, warning_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.path,
    f.sha256,
    f.size,
    c.format,
    x?.template ?? null,
    x?.meta.agency ?? null,
    x?.meta.year ?? null,
    x?.meta.published ?? null,
    x ? 'new' : 'failed',
    x ? null : (c.error ?? '无法读取 (unreadable)'),
    f.parserVersion,
    JSON.stringify(x?.review ?? []),
    JSON.stringify(c.warnings),
    x?.findings.filter((g) => g.severity === 'error').length ?? 0,
    x?.findings.filter((g) => g.severity === 'warning').length ?? 0,
    t,
    t,
  );
  const id = Number(info.lastInsertRowid);
  linkPath(db, id, f);
  if (x) {
    insertCells(db, id, x);
    storeFingerprint(db, id, x.cells);
    insertFindings(db, id, x.template, x.findings);
  }
  return id;
}

/** Re-reads an existing report from new content (changed file or newer extractor), keeping the reviewer's values. */
function reextract(
  db: Store,
  reportId: number,
  f: ImportedFile,
  c: FileContent,
  sourceChanged: boolean,
): void {
  const before = stmt(db, 'SELECT sha256, status FROM reports WHERE id = ?').get(reportId) as {
    sha256: string;
    status: string;
  };
  storeDocument(db, f.sha256, c);
  const x = c.extraction;
  stmt(
    db,
    `UPDATE reports SET sha256 = ?, size = ?, format = coalesce(?, format), template = coalesce(?, template),
       agency = coalesce(?, agency), year = coalesce(?, year), published = coalesce(?, published), error = ?,
       parser_version = ?, review = coalesce(?, review), warnings = ?, updated_at = ? WHERE id = ?`,
  ).run(
    f.sha256,
    f.size,
    c.format,
    x?.template ?? null,
    x?.meta.agency ?? null,
    x?.meta.year ?? null,
    x?.meta.published ?? null,
    x ? null : c.error,
    f.parserVersion,
    x ? JSON.stringify(x.review) : null,
    JSON.stringify(c.warnings),
    now(),
    reportId,
  );
  if (before.sha256 !== f.sha256) {
    stmt(
      db,
      'DELETE FROM documents WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM reports WHERE sha256 = ?)',
    ).run(before.sha256, before.sha256);
    stmt(
      db,
      'DELETE FROM document_digests WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?)',
    ).run(before.sha256, before.sha256);
  }
  if (!x) {
    // Unreadable now: the report keeps its cells and the reviewer's work until the file can be read again.
    recordSystemStatus(db, reportId, 'failed', c.error ?? '无法读取 (unreadable)');
    refreshCounts(db, reportId);
    return;
  }
  const changed = keepEdits(db, reportId, x);
  storeFingerprint(db, reportId, x.cells);
  replaceFindings(
    db,
    reportId,
    'extract',
    x.findings.filter((g) => sourceOf(x.template, g.rule) === 'extract'),
  );
  replaceFindings(
    db,
    reportId,
    'rules',
    x.findings.filter((g) => sourceOf(x.template, g.rule) === 'rules'),
  );
  if (changed.keptEdits) refreshFindings(db, reportId, x.template);
  else refreshCounts(db, reportId);

  if (before.status === 'verified' && sourceChanged) {
    recordSystemStatus(db, reportId, 'needs_review', '源文件已更改，需重新审校 (source file changed)');
  } else if (before.status === 'verified' && changed.valuesChanged) {
    recordSystemStatus(
      db,
      reportId,
      'needs_review',
      '提取程序已更新，数值有变化 (extractor updated; values changed)',
    );
  } else if (before.status === 'failed') {
    recordSystemStatus(db, reportId, 'new', '文件已可读取 (file can be read now)');
  }
}

function hasOtherPresentPath(db: Store, reportId: number, path: string): boolean {
  return (
    stmt(db, 'SELECT 1 FROM report_paths WHERE report_id = ? AND present = 1 AND path <> ? LIMIT 1').get(
      reportId,
      path,
    ) !== undefined
  );
}

export const HELD_UNREADABLE =
  '文件当前的内容无法读取（可能正在写入或被清空），报告保留上次读取的内容和审校结果 ' +
  '(the file cannot be read now; the report keeps its last reading and the review)';
export const HELD_DUPLICATE =
  '文件当前的内容与另一份报告相同，本报告保留上次读取的内容和审校结果 ' +
  '(the file now holds the same bytes as another report; this report keeps its last reading and the review)';

/**
 * A file of a readable report now holds content that is unreadable (emptied, half-written) or that another present
 * report already has. Such content never takes the report's place, nor moves the file to the other report: the
 * report keeps its content, cells, status and verifier, and says why in its error; when the file's own content
 * comes back, it is the same report, unchanged. (Without this, two files briefly emptied together, then restored, left one report's
 * work on an orphan and a fresh report in its place.)
 */
function heldReason(
  db: Store,
  link: { report_id: number; present: number } | undefined,
  f: ImportedFile,
  same: ReportRecord | undefined,
): string | null {
  // A file of the report, or the old path of a report whose files are all gone (it came back with junk in it).
  if (!link || (link.present !== 1 && !isMissing(db, link.report_id))) return null;
  const owner = stmt(db, 'SELECT sha256, status FROM reports WHERE id = ?').get(link.report_id) as {
    sha256: string;
    status: string;
  };
  if (owner.sha256 === f.sha256 || owner.status === 'failed') return null;
  const unreadable = f.content ? f.content.extraction === null : same?.status === 'failed';
  if (unreadable) return HELD_UNREADABLE;
  if (same && same.id !== link.report_id && !isMissing(db, same.id)) return HELD_DUPLICATE;
  return null;
}

function isMissing(db: Store, reportId: number): boolean {
  return (
    (stmt(db, 'SELECT missing FROM reports WHERE id = ?').get(reportId) as { missing: number }).missing === 1
  );
}

/** Stores one file that was read. Call inside a transaction (the library batches many files in one). */
export function saveFile(db: Store, f: ImportedFile): { outcome: SaveOutcome; reportId: number } {
  const link = stmt(db, 'SELECT report_id, present FROM report_paths WHERE path = ?').get(f.path) as
    { report_id: number; present: number } | undefined;
  const same = byHash(db, f.sha256);
  const held = heldReason(db, link, f, same);
  if (held) {
    linkPath(db, link!.report_id, f);
    fixPrimaryPath(db, link!.report_id);
    stmt(db, 'UPDATE reports SET error = ?, updated_at = ? WHERE id = ?').run(held, now(), link!.report_id);
    return { outcome: held === HELD_UNREADABLE ? 'failed' : 'duplicate', reportId: link!.report_id };
  }
  if (same) {
    // Its own content is back in a file whose content was held off (see heldReason): the note goes.
    if (same.status !== 'failed')
      stmt(db, 'UPDATE reports SET error = NULL WHERE id = ? AND error IS NOT NULL').run(same.id);
    const upgrade = f.content !== null && same.parser_version < f.parserVersion;
    const wasMissing = (
      stmt(db, 'SELECT missing FROM reports WHERE id = ?').get(same.id) as { missing: number }
    ).missing;
    const unchanged = link?.report_id === same.id && link.present === 1;
    if (link && link.present === 1 && !unchanged) markPathGone(db, f.path);
    linkPath(db, same.id, f);
    fixPrimaryPath(db, same.id);
    if (upgrade) {
      reextract(db, same.id, f, f.content!, false);
      return { outcome: 'updated', reportId: same.id };
    }
    return { outcome: unchanged ? 'unchanged' : wasMissing ? 'moved' : 'duplicate', reportId: same.id };
  }
  if (!f.content) throw new Error(`内部错误：${f.path} 的内容未读取 (content missing for an unknown hash)`);
  if (link && !hasOtherPresentPath(db, link.report_id, f.path)) {
    // The file of this report changed (or came back with new content): same report, edits kept.
    linkPath(db, link.report_id, f);
    reextract(db, link.report_id, f, f.content, true);
    fixPrimaryPath(db, link.report_id);
    return { outcome: 'updated', reportId: link.report_id };
  }
  if (link && link.present === 1) markPathGone(db, f.path);
  const id = insertReport(db, f, f.content);
  return { outcome: f.content.extraction ? 'added' : 'failed', reportId: id };
}

/**
 * Files refused because OCR was off are to be read again: their reports are marked as read by no extractor, so the
 * next pass over the folder reads them. Returns how many.
 */
export function forgetOcrRefusals(db: Store): number {
  return stmt(
    db,
    "UPDATE reports SET parser_version = 0 WHERE status = 'failed' AND error LIKE ? || '%'",
  ).run(OCR_OFF).changes;
}
