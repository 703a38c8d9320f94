// Reads a report's text: template, metadata, every table cell with its raw text, value, how it was read and its
// span, the findings of the consistency rules and the keys a reviewer must look at.
import type {
  ExtractedCell,
  Extraction,
  Finding,
  Span,
  TableRead,
  Template,
  TemplateId,
} from '../../shared/types';
import { gridCells } from './grid-cells';
import { normalizeText, originalSpan, type NormalizedText } from '../read/normalize';
import { fieldsOf } from '../fields';
import { evaluateRules } from '../rules';
import { checkProse } from '../rules/prose';
import { readActiveTable } from './active-table';
import { readApplyTable, REVIEW_HEADING, searchFrom } from './apply-table';
import { readLegacyTable } from './legacy';
import { readMeta } from './meta';
import { readReviewTable } from './review-table';
import type { TableResult } from './table-read';
import type { OcrInfo } from '../read/types';
import { reviewOcr } from './ocr-review';

export { EXTRACTOR_VERSION } from './version';

/** Longer documents are read up to this many characters; the tables of a report are far shorter. */
const MAX_CHARS = 2_000_000;

/** A document as the readers give it: its text and, where the source had tables, the spans of their cells. */
export interface ExtractInput {
  text: string;
  /** Spans in `text` of every printed table cell (HTML, Word, PDF, spreadsheet and OCR grids). */
  cells?: readonly Span[];
  /** Set when the text was read by OCR: every cell becomes `how: 'ocr'`, in review unless the arithmetic confirms it. */
  ocr?: OcrInfo;
}

export function extractReport(input: string | ExtractInput): Extraction {
  const doc: ExtractInput = typeof input === 'string' ? { text: input } : input;
  const original = doc.text.length > MAX_CHARS ? doc.text.slice(0, MAX_CHARS) : doc.text;
  const norm = normalizeText(original);
  const text = norm.text;
  const whole = doc.cells?.length ? gridCells(original, norm, doc.cells) : undefined;
  const meta = readMeta(text);

  // A report about a year before 2019 printed the old 统计表; its rows are not read as the newer forms.
  const preForm = meta.year !== null && meta.year < 2019;
  const legacyFirst = preForm ? readLegacyTable(text, 0, text.length) : null;
  const apply = legacyFirst ? null : readApplyTable(text, 0, text.length, whole);
  const reviewFrom = apply ? apply.end : 0;
  const headingAt = searchFrom(REVIEW_HEADING, text, 0, text.length);
  const activeTo = apply ? apply.start : headingAt >= 0 ? headingAt : text.length;
  const active = legacyFirst ? null : readActiveTable(text, 0, activeTo, whole);
  const reviewTable = apply || active ? readReviewTable(text, reviewFrom, text.length, whole) : null;
  const legacy = legacyFirst ?? (!apply && !active ? readLegacyTable(text, 0, text.length) : null);

  const tables: { read: TableRead; result: TableResult }[] = [];
  let template: Template = 'unknown';
  if (legacy) {
    template = 'legacy';
    tables.push({ read: tableRead('legacy', 'legacy', legacy, norm), result: legacy });
  } else if (active || apply) {
    template = active
      ? active.template
      : apply!.otherRows === '2021' || (meta.year ?? 0) >= 2021
        ? '2021'
        : '2019';
    if (active) tables.push({ read: tableRead('active', active.template, active, norm), result: active });
    if (apply) tables.push({ read: tableRead('apply', apply.otherRows, apply, norm), result: apply });
    if (reviewTable)
      tables.push({ read: tableRead('review', template, reviewTable, norm), result: reviewTable });
  }

  const cells: ExtractedCell[] = [];
  const seen = new Set<string>();
  for (const { result } of tables) {
    for (const c of result.cells) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      const cell: ExtractedCell = {
        key: c.key,
        raw: c.raw,
        value: c.value,
        how: c.how,
        span: c.start >= 0 ? originalSpan(norm, c.start, c.end) : null,
      };
      if (c.label) cell.label = c.label;
      cells.push(cell);
    }
  }

  const findings: Finding[] = tables.flatMap((t) => t.result.findings);
  let confirmed = new Set<string>();
  if (template !== 'unknown') {
    const values = new Map(cells.map((c) => [c.key, c.value]));
    const rules = evaluateRules(template, values, legacy?.rules);
    findings.push(...rules.findings);
    confirmed = rules.confirmed;
    const firstTable = Math.min(...tables.map((t) => t.result.start));
    findings.push(...checkProse(text.slice(0, firstTable), template, (k) => values.get(k)));
  }

  if (template === 'unknown') {
    // Nothing recognised: the report's year still says which form it should hold, and the reviewer is told.
    template =
      meta.year === null ? 'unknown' : meta.year < 2019 ? 'legacy' : meta.year < 2021 ? '2019' : '2021';
    // (For the 2019 and 2021 forms, each missing table is a finding of its own below.)
    if (template === 'legacy' || template === 'unknown')
      findings.push({
        rule: 'extract.no_table',
        severity: 'warning',
        keys: [],
        message:
          template === 'legacy'
            ? '未找到统计表：报告中没有可读取的政府信息公开情况统计表'
            : '未找到统计表，也无法从报告年度判断格式',
      });
  }

  const review = new Set<string>();
  for (const { result } of tables) for (const k of result.review) review.add(k);
  if (template === '2019' || template === '2021') {
    for (const f of missingTables(template, { active, apply, review: reviewTable })) {
      findings.push(f);
      for (const k of f.keys) review.add(k);
    }
    // Rows of the report's format that were not read (a cut-off page): in front of the reviewer too.
    if (apply) for (const k of unreadApplyKeys(template, seen)) review.add(k);
  }
  // A rule that fails puts its cells in review, except cells read cleanly that another rule confirms: the wrong
  // cell is among the others. When every cell is confirmed elsewhere, the document itself is inconsistent and its
  // total is shown.
  const byKey = new Map(cells.map((c) => [c.key, c]));
  // A cell whose reading needed the arithmetic itself (a cut, a blank row) is not confirmed by that arithmetic.
  const readByRule = new Set(findings.filter((f) => f.rule.startsWith('extract.')).flatMap((f) => f.keys));
  const confirmable = (k: string): boolean => {
    const c = byKey.get(k);
    if (!c || !confirmed.has(k) || readByRule.has(k)) return false;
    return c.how === 'clean' || c.how === 'split' || (c.how === 'blank_as_zero' && c.raw !== '');
  };
  for (const f of findings) {
    if (CONFIRMED_READINGS.has(f.rule)) continue;
    if (f.rule.startsWith('extract.')) {
      for (const k of f.keys) review.add(k);
      continue;
    }
    if (f.severity === 'info') continue;
    const doubtful = f.keys.filter((k) => !confirmable(k));
    for (const k of doubtful.length > 0 ? doubtful : f.keys.slice(0, 1)) review.add(k);
    if (f.suspect) review.add(f.suspect);
  }

  const extraction = {
    template,
    meta,
    tables: tables.map((t) => t.read),
    cells,
    findings,
    review: [...review],
  };
  if (doc.ocr) reviewOcr(extraction, doc.ocr, confirmed);
  return extraction;
}

/** Readings that stand unless a rule fails on them: a row printed blank, a cut that only one reading satisfies. */
const CONFIRMED_READINGS = new Set(['extract.blank_row', 'extract.split_checked']);

/** A 2019/2021 report has all three tables; one the reader could not find is for the reviewer to look at. */
function missingTables(
  template: TemplateId,
  found: Record<'active' | 'apply' | 'review', unknown>,
): Finding[] {
  const names = {
    active: '主动公开政府信息情况',
    apply: '收到和处理政府信息公开申请情况',
    review: '行政复议、行政诉讼情况',
  };
  return (['active', 'apply', 'review'] as const)
    .filter((table) => !found[table])
    .map((table) => ({
      rule: 'extract.missing_table',
      severity: 'warning' as const,
      keys: fieldsOf(template)
        .filter((f) => f.table === table)
        .map((f) => f.key),
      message: `未找到「${names[table]}」表`,
    }));
}

function unreadApplyKeys(template: TemplateId, read: Set<string>): string[] {
  const singleOtherRow = read.has('apply.other.total');
  return fieldsOf(template)
    .filter((f) => f.table === 'apply' && !read.has(f.key))
    .filter((f) => !(singleOtherRow && f.key.startsWith('apply.other.')))
    .map((f) => f.key);
}

function tableRead(
  table: TableRead['table'],
  template: TemplateId,
  result: TableResult,
  norm: NormalizedText,
): TableRead {
  return { table, template, span: originalSpan(norm, result.start, result.end) };
}
