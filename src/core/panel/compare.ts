// Year over year: two reports of one agency side by side — every cell of either with both values (changed ones
// marked) and the text's difference section by section, sentence by sentence.
import type { ComparedCell, ComparedReport, Comparison, SectionDiff } from '../../shared/panel';
import type { TemplateId } from '../../shared/types';
import { fieldsOf } from '../fields';
import { cellViews, documentText, NotFoundError, reportHeader } from '../store/queries';
import { stmt, type Store } from '../store/open';
import { findSections, SECTION_TITLES, type SectionKey } from './sections';

const MAX_SENTENCES = 1500;

function compared(db: Store, reportId: number): ComparedReport {
  const h = reportHeader(db, reportId);
  const year = stmt(db, 'SELECT panel_year FROM reports WHERE id = ?').pluck().get(reportId) as number | null;
  return {
    reportId,
    agency: h.agency,
    year: year ?? h.year,
    template: h.template,
    path: h.path,
    status: h.status,
  };
}

/** The other reports of the agency of `reportId`, by year. */
function siblings(db: Store, reportId: number): { id: number; year: number | null; status: string }[] {
  return stmt(
    db,
    `SELECT o.id, o.panel_year AS year, o.status FROM reports r JOIN reports o ON o.agency_id = r.agency_id
     WHERE r.id = ? AND r.agency_id IS NOT NULL ORDER BY o.panel_year, o.id`,
  ).all(reportId) as { id: number; year: number | null; status: string }[];
}

/** The report to compare with by default: the agency's nearest earlier year, else the nearest later one. */
export function defaultOther(db: Store, reportId: number): number | null {
  const all = siblings(db, reportId);
  const me = all.find((s) => s.id === reportId);
  if (!me || me.year === null) return null;
  const readable = all.filter((s) => s.id !== reportId && s.status !== 'failed' && s.year !== null);
  const earlier = readable.filter((s) => s.year! < me.year!).at(-1);
  if (earlier) return earlier.id;
  return readable.find((s) => s.year! >= me.year!)?.id ?? null;
}

function labelOf(key: string, templates: (TemplateId | null)[], printed: string | null): string {
  for (const t of templates) {
    if (t === null) continue;
    const f = fieldsOf(t).find((x) => x.key === key);
    if (f) return f.label;
  }
  return printed ?? key;
}

function compareCells(db: Store, a: ComparedReport, b: ComparedReport): ComparedCell[] {
  const ca = new Map(cellViews(db, a.reportId).map((c) => [c.key, c]));
  const cb = new Map(cellViews(db, b.reportId).map((c) => [c.key, c]));
  const templates = [b.template, a.template].filter((t): t is TemplateId => t !== null && t !== 'unknown');
  const order: string[] = [];
  const seen = new Set<string>();
  for (const t of templates)
    for (const f of fieldsOf(t))
      if ((ca.has(f.key) || cb.has(f.key)) && !seen.has(f.key)) {
        seen.add(f.key);
        order.push(f.key);
      }
  for (const k of [...cb.keys(), ...ca.keys()].sort())
    if (!seen.has(k)) {
      seen.add(k);
      order.push(k);
    }
  return order.map((key) => {
    const x = ca.get(key)?.value ?? null;
    const y = cb.get(key)?.value ?? null;
    return {
      key,
      label: labelOf(key, templates, cb.get(key)?.label ?? ca.get(key)?.label ?? null),
      a: x,
      b: y,
      changed: x !== y,
    };
  });
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, MAX_SENTENCES);
}

const squash = (s: string): string => s.replace(/\s+/gu, '');

/** Sentence-level difference (longest common subsequence). */
export function diffSentences(before: string[], after: string[]): SectionDiff['parts'] {
  const a = before.map(squash);
  const b = after.map(squash);
  const n = a.length;
  const m = b.length;
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
  const parts: SectionDiff['parts'] = [];
  const push = (kind: 'same' | 'removed' | 'added', text: string): void => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('same', after[j]!);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i * (m + 1) + j + 1]! >= lcs[(i + 1) * (m + 1) + j]!)) {
      push('added', after[j]!);
      j++;
    } else {
      push('removed', before[i]!);
      i++;
    }
  }
  return parts;
}

function sectionTexts(text: string): Map<SectionKey, string> {
  const out = new Map<SectionKey, string>();
  for (const s of findSections(text)) out.set(s.key, text.slice(s.start, s.end));
  return out;
}

const ORDER: SectionKey[] = ['overview', 'active', 'apply', 'fees', 'review', 'problems', 'other'];

function compareTexts(before: string, after: string): SectionDiff[] {
  const a = sectionTexts(before);
  const b = sectionTexts(after);
  if (a.size === 0 && b.size === 0) {
    const parts = diffSentences(sentences(before), sentences(after));
    return [{ section: '全文', parts, changed: parts.some((p) => p.kind !== 'same') }];
  }
  return ORDER.filter((k) => a.has(k) || b.has(k)).map((k) => {
    const parts = diffSentences(sentences(a.get(k) ?? ''), sentences(b.get(k) ?? ''));
    return { section: SECTION_TITLES[k], parts, changed: parts.some((p) => p.kind !== 'same') };
  });
}

/**
 * `reportId` against `otherId` (default: the agency's previous report). The earlier year is `a`, the later `b`.
 */
export function compareReports(db: Store, reportId: number, otherId?: number): Comparison {
  const other = otherId ?? defaultOther(db, reportId);
  if (other === null || other === undefined)
    throw new NotFoundError('此机关没有可比较的其他年度报告。(no other report of this agency)');
  let a = compared(db, other);
  let b = compared(db, reportId);
  if ((a.year ?? 0) > (b.year ?? 0)) [a, b] = [b, a];
  return {
    a,
    b,
    cells: compareCells(db, a, b),
    sections: compareTexts(documentText(db, a.reportId), documentText(db, b.reportId)),
    siblings: siblings(db, reportId).map((s) => compared(db, s.id)),
  };
}
