// Reads a report's text: template, metadata, every table cell with its raw text, value, how it was read and its
// span, the findings of the consistency rules and the keys a reviewer must look at.
import type { ExtractedCell, Extraction, Finding, TableRead, Template, TemplateId } from '../../shared/types';
import { normalizeText, originalSpan, type NormalizedText } from '../read/normalize';
import { fieldsOf } from '../fields';
import { checkRules } from '../rules';
import { checkProse } from '../rules/prose';
import { readActiveTable } from './active-table';
import { readApplyTable, REVIEW_HEADING, searchFrom } from './apply-table';
import { readLegacyTable } from './legacy-table';
import { readMeta } from './meta';
import { readReviewTable } from './review-table';
import type { TableResult } from './table-read';
import type { OcrInfo } from '../read/types';
import { reviewOcr } from './ocr-review';

export { EXTRACTOR_VERSION } from './version';

/** Longer documents are read up to this many characters; the tables of a report are far shorter. */
const MAX_CHARS = 2_000_000;

/** `ocr`: the text was read by OCR (every cell becomes `how: 'ocr'`, in review unless the arithmetic confirms it). */
export function extractReport(original: string, ocr?: OcrInfo): Extraction {
  const norm = normalizeText(original.length > MAX_CHARS ? original.slice(0, MAX_CHARS) : original);
  const text = norm.text;
  const meta = readMeta(text);

  const apply = readApplyTable(text, 0, text.length);
  const reviewFrom = apply ? apply.end : 0;
  const headingAt = searchFrom(REVIEW_HEADING, text, 0, text.length);
  const activeTo = apply ? apply.start : headingAt >= 0 ? headingAt : text.length;
  const active = readActiveTable(text, 0, activeTo);
  const reviewTable = apply || active ? readReviewTable(text, reviewFrom, text.length) : null;
  const legacy = !apply && !active ? readLegacyTable(text, 0, text.length) : null;

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
  if (template !== 'unknown') {
    const values = new Map(cells.map((c) => [c.key, c.value]));
    findings.push(...checkRules(template, values));
    const firstTable = Math.min(...tables.map((t) => t.result.start));
    findings.push(...checkProse(text.slice(0, firstTable), template, (k) => values.get(k)));
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
  for (const f of findings)
    if (f.severity !== 'info' || f.rule.startsWith('extract.')) for (const k of f.keys) review.add(k);

  const extraction = {
    template,
    meta,
    tables: tables.map((t) => t.read),
    cells,
    findings,
    review: [...review],
  };
  if (ocr) reviewOcr(extraction, ocr);
  return extraction;
}

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
