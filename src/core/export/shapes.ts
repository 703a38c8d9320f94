// The five shapes of an export, as sheets over an ExportSource. README.md (Exporting datasets) documents every column.
import { fieldsOf, TEMPLATE_IDS } from '../fields';
import type { TemplateId } from '../../shared/types';
import { codebookEntries, keyOrder, placeOf } from './codebook';
import { HARMONISED_TEMPLATES, harmonisedIn, harmonisedKeys, harmoniseValues, SUMS_INTO } from './harmonise';
import type { CellValue, Column, ExportCell, ExportReport, ExportShape, ExportSource, Sheet } from './types';
import { variableName, variableNames } from './names';

export interface ShapeContext {
  /** Add a `status` column (exports that include unverified reports). */
  withStatus: boolean;
  /** Called after each report written. */
  tick: () => void;
}

const text = (name: string, width?: number): Column => ({ name, type: 'text', ...(width ? { width } : {}) });
const integer = (name: string): Column => ({ name, type: 'integer' });
const number = (name: string): Column => ({ name, type: 'number' });

function reportColumns(ctx: ShapeContext): Column[] {
  return [
    integer('report_id'),
    text('agency', 24),
    integer('agency_id'),
    integer('year'),
    text('template'),
    ...(ctx.withStatus ? [text('status', 12)] : []),
  ];
}

function reportValues(report: ExportReport, ctx: ShapeContext): CellValue[] {
  const values: CellValue[] = [report.id, report.agency, report.agencyId, report.year, report.template];
  if (ctx.withStatus) values.push(report.status);
  return values;
}

const CUMULATIVE = '#cumulative';
const UNKNOWN = Number.MAX_SAFE_INTEGER;

interface KeyOrder {
  /** Position of a canonical key in the template's printed order; UNKNOWN for any other key. */
  position: (key: string) => number;
  /** Printed order; keys outside the template after, by key; a `#cumulative` key right after its base key. */
  compare: (a: string, b: string) => number;
}

const orders = new Map<string, KeyOrder>();

function orderOf(template: string): KeyOrder {
  let found = orders.get(template);
  if (!found) {
    const order = keyOrder(template);
    const base = (key: string) => (key.endsWith(CUMULATIVE) ? key.slice(0, -CUMULATIVE.length) : key);
    found = {
      position: (key) => (key.endsWith(CUMULATIVE) ? UNKNOWN : order(key)),
      compare: (a, b) => {
        const [x, y] = [base(a), base(b)];
        return order(x) - order(y) || (x < y ? -1 : x > y ? 1 : 0) || a.length - b.length;
      },
    };
    orders.set(template, found);
  }
  return found;
}

/** A report's cells in the printed order of its template (see KeyOrder.compare). */
export function sortCells(template: string, cells: readonly ExportCell[]): ExportCell[] {
  const { position, compare } = orderOf(template);
  // Canonical keys have distinct positions: place them directly, sort only the others.
  const slots: ExportCell[] = [];
  const others: ExportCell[] = [];
  for (const cell of cells) {
    const p = position(cell.key);
    if (p < SLOT_LIMIT && slots[p] === undefined) slots[p] = cell;
    else others.push(cell);
  }
  const placed = slots.filter((c) => c !== undefined);
  if (others.length === 0) return placed;
  others.sort((a, b) => compare(a.key, b.key));
  return merge(placed, others, compare);
}

const SLOT_LIMIT = 10_000;

function merge(a: ExportCell[], b: ExportCell[], compare: KeyOrder['compare']): ExportCell[] {
  const out: ExportCell[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && compare(x.key, y.key) <= 0)) {
      out.push(x as ExportCell);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

export function longSheet(source: ExportSource, ctx: ShapeContext): Sheet {
  return {
    name: 'long',
    columns: [
      ...reportColumns(ctx),
      text('table'),
      text('row', 30),
      text('column', 14),
      text('key', 36),
      number('value'),
      number('extracted_value'),
      { name: 'edited', type: 'boolean' },
    ],
    *rows() {
      for (const { report, cells } of source.reportCells()) {
        const head = reportValues(report, ctx);
        for (const cell of sortCells(report.template, cells)) {
          const place = placeOf(cell.key, report.template);
          const row = head.slice();
          row.push(place.table || null, place.row || null, place.column || null, cell.key);
          row.push(cell.value, cell.extracted, cell.edited);
          yield row;
        }
        ctx.tick();
      }
    },
  };
}

/** Columns of the wide sheet of a template: its canonical keys in printed order, then other keys found. */
export function wideKeys(source: ExportSource, template: TemplateId): string[] {
  const canonical = fieldsOf(template).map((f) => f.key);
  const known = new Set(canonical);
  const extra = source.keysOf(template).filter((k) => !known.has(k));
  return [...canonical, ...sortCells(template, extra.map(asCell)).map((c) => c.key)];
}

const asCell = (key: string): ExportCell => ({ key, value: null, extracted: null, edited: false });

function wideHead(ctx: ShapeContext): Column[] {
  return [...reportColumns(ctx), text('published', 12)];
}

export function wideSheets(source: ExportSource, ctx: ShapeContext): Sheet[] {
  const present = new Set(source.templates());
  return TEMPLATE_IDS.filter((t) => present.has(t)).map((template) => {
    const keys = wideKeys(source, template);
    const head = wideHead(ctx);
    return {
      name: `wide-${template}`,
      columns: [
        ...head,
        ...variableNames(
          keys,
          head.map((c) => c.name),
        ).map(number),
      ],
      *rows() {
        for (const { report, cells } of source.reportCells([template])) {
          const values = new Map(cells.map((c) => [c.key, c.value]));
          yield [...reportValues(report, ctx), report.published, ...keys.map((k) => values.get(k) ?? null)];
          ctx.tick();
        }
      },
    };
  });
}

export function harmonisedSheet(source: ExportSource, ctx: ShapeContext): Sheet {
  const keys = harmonisedKeys();
  const head = [...wideHead(ctx), text('apply_other_from')];
  return {
    name: 'harmonised',
    columns: [
      ...head,
      ...variableNames(
        keys,
        head.map((c) => c.name),
      ).map(number),
    ],
    *rows() {
      for (const { report, cells } of source.reportCells(HARMONISED_TEMPLATES)) {
        const harmonised = harmoniseValues(keys, new Map(cells.map((c) => [c.key, c.value])));
        yield [...reportValues(report, ctx), report.published, harmonised.otherFrom, ...harmonised.values];
        ctx.tick();
      }
    },
  };
}

export function reportsSheet(source: ExportSource, ctx: ShapeContext): Sheet {
  return {
    name: 'reports',
    columns: [
      integer('report_id'),
      text('file', 40),
      text('sha256', 20),
      text('template'),
      text('agency', 24),
      integer('agency_id'),
      integer('year'),
      text('published', 12),
      text('status', 12),
      text('reviewer', 12),
      text('verified_at', 22),
      integer('edits'),
      integer('waived_findings'),
      text('waived_notes', 50),
    ],
    *rows() {
      for (const r of source.reports()) {
        const notes = r.waived.map((w) => `${w.rule} [${w.keys.join(', ')}]：${w.note ?? ''}`).join('\n');
        yield [
          r.id,
          r.file,
          r.sha256,
          r.template,
          r.agency,
          r.agencyId,
          r.year,
          r.published,
          r.status,
          r.reviewer,
          r.verifiedAt,
          r.edits,
          r.waived.length,
          notes || null,
        ];
        ctx.tick();
      }
    },
  };
}

export function codebookSheet(): Sheet {
  return {
    name: 'codebook',
    columns: [
      text('key', 36),
      text('variable', 28),
      text('label', 40),
      text('table'),
      text('table_title', 24),
      text('row', 30),
      text('column', 14),
      text('unit'),
      text('templates'),
      text('harmonised'),
      text('sums_into', 24),
    ],
    *rows() {
      for (const e of codebookEntries()) {
        yield [
          e.key,
          variableName(e.key),
          e.label,
          e.table,
          e.tableTitle,
          e.row,
          e.column,
          e.unit || null,
          e.templates.join(','),
          harmonisedIn(e.key) ?? null,
          SUMS_INTO.get(e.key) ?? null,
        ];
      }
    },
  };
}

/** The sheets of the chosen shapes, in the order given, and how many progress ticks writing them makes. */
export function sheetsOf(
  shapes: readonly ExportShape[],
  source: ExportSource,
  ctx: ShapeContext,
): { shape: ExportShape; sheets: Sheet[]; ticks: number }[] {
  return shapes.map((shape) => {
    switch (shape) {
      case 'long':
        return { shape, sheets: [longSheet(source, ctx)], ticks: source.count() };
      case 'wide':
        return { shape, sheets: wideSheets(source, ctx), ticks: source.count(TEMPLATE_IDS) };
      case 'reports':
        return { shape, sheets: [reportsSheet(source, ctx)], ticks: source.count() };
      case 'codebook':
        return { shape, sheets: [codebookSheet()], ticks: 0 };
      case 'harmonised':
        return { shape, sheets: [harmonisedSheet(source, ctx)], ticks: source.count(HARMONISED_TEMPLATES) };
      case 'checks':
      case 'gaps':
        return { shape, sheets: source.panelSheets ? [source.panelSheets(shape)] : [], ticks: 0 };
    }
  });
}
