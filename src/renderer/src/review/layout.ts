// Lays a report's cells out like the printed official form: section titles, column heads, row labels in
// Chinese, the 7 applicant columns, the 15 reconsideration/litigation cells, the 第二十条 blocks or the legacy
// indicator list.
import { APPLICANT_COLUMNS, APPLICANT_LABELS, fieldOf, fieldsOf, type FieldDef } from '../../../core/fields';
import type { CellView } from '../../../shared/api';
import type { Template } from '../../../shared/types';

export const VALUE_COLUMNS = 7;

export type RowKind = 'title' | 'head' | 'group' | 'cells';

export interface FormRow {
  id: string;
  kind: RowKind;
  label: string;
  indent: number;
  /** `cells`: the key in each value column (null: no cell there). `head`: the column heading. */
  cols: (string | null)[];
  /** `head` rows: how many value columns each heading spans (0: covered by the previous one). */
  spans?: number[];
  unit?: string;
}

export interface FormLayout {
  rows: FormRow[];
  /** Row index and value column of every placed key. */
  position: Map<string, { row: number; col: number }>;
}

const TABLE_TITLES: Record<string, string> = {
  active: '二、主动公开政府信息情况',
  apply: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
};

class Builder {
  readonly rows: FormRow[] = [];
  private n = 0;
  /** Row ids carry the report and template (`scope`), so the grid never reuses a row of another report. */
  constructor(private readonly scope: string) {}
  push(kind: RowKind, label: string, cols: (string | null)[] = [], extra: Partial<FormRow> = {}): void {
    this.rows.push({ id: `${this.scope}r${this.n++}`, kind, label, indent: 0, cols, ...extra });
  }
}

function pad(cols: (string | null)[]): (string | null)[] {
  return Array.from({ length: VALUE_COLUMNS }, (_, i) => cols[i] ?? null);
}

/** `第二十条第（一）项 规章 | 本年制发件数` → row `第二十条第（一）项 规章`, column `本年制发件数`. */
function splitLabel(label: string): { row: string; col: string } {
  const bar = label.lastIndexOf(' | ');
  if (bar >= 0) return { row: label.slice(0, bar), col: label.slice(bar + 3) };
  const space = label.lastIndexOf(' ');
  return space >= 0 ? { row: label.slice(0, space), col: label.slice(space + 1) } : { row: label, col: '' };
}

/** Rows and columns in order of first appearance. */
function grid(fields: readonly FieldDef[], rowOf: (f: FieldDef) => string) {
  const rows = new Map<string, Map<string, string>>();
  const cols: string[] = [];
  for (const f of fields) {
    const { col } = splitLabel(f.label);
    const row = rowOf(f);
    if (!cols.includes(col)) cols.push(col);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)?.set(col, f.key);
  }
  return { rows, cols };
}

function activeTable(b: Builder, fields: readonly FieldDef[]): void {
  const blocks = new Map<string, FieldDef[]>();
  for (const f of fields) {
    const block = splitLabel(f.label).row.split(' ')[0] ?? '';
    blocks.set(block, [...(blocks.get(block) ?? []), f]);
  }
  for (const [block, list] of blocks) {
    const { rows, cols } = grid(list, (f) => splitLabel(f.label).row.slice(block.length).trim());
    b.push('head', `${block}\u3000信息内容`, pad(cols));
    for (const [row, byCol] of rows) {
      b.push('cells', row, pad(cols.map((c) => byCol.get(c) ?? null)), { indent: 1 });
    }
  }
}

function applyTable(b: Builder, fields: readonly FieldDef[]): void {
  const labels = APPLICANT_COLUMNS.map((c) => APPLICANT_LABELS[c]);
  b.push('head', '申请人情况', ['自然人', '法人或其他组织', '', '', '', '', '总计'], {
    spans: [1, 5, 0, 0, 0, 0, 1],
  });
  b.push('head', '', ['', ...labels.slice(1, 6), '']);
  const { rows } = grid(fields, (f) => splitLabel(f.label).row);
  let group = '';
  for (const [row, byCol] of rows) {
    const keys = pad(labels.map((l) => byCol.get(l) ?? null));
    if (row.startsWith('（一）')) b.push('group', '三、本年度办理结果');
    const space = row.indexOf(' ');
    if (space > 0) {
      const head = row.slice(0, space);
      if (head !== group) b.push('group', head, [], { indent: 1 });
      group = head;
      b.push('cells', row.slice(space + 1), keys, { indent: 2 });
    } else {
      group = '';
      b.push('cells', row, keys, { indent: /^（/.test(row) ? 1 : 0 });
    }
  }
}

function reviewTable(b: Builder, fields: readonly FieldDef[]): void {
  const { rows, cols } = grid(fields, (f) => splitLabel(f.label).row);
  b.push('head', '复议 / 诉讼', pad(cols));
  for (const [row, byCol] of rows) {
    b.push('cells', row, pad(cols.map((c) => byCol.get(c) ?? null)), { indent: 1 });
  }
}

function officialForm(b: Builder, template: '2019' | '2021', cellKeys: Set<string>): void {
  let fields = fieldsOf(template);
  // Some 2021-format reports keep the single （六）其他处理 row of 2019.
  const single = /^apply\.other\.[a-z_]+$/;
  if (template === '2021' && [...cellKeys].some((k) => single.test(k))) {
    const sub = /^apply\.other\.[a-z_]+\.[a-z_]+$/;
    const keepSub = [...cellKeys].some((k) => sub.test(k));
    const other = fieldsOf('2019').filter((f) => single.test(f.key));
    const at = fields.findIndex((f) => f.key.startsWith('apply.total.'));
    fields = [
      ...fields.slice(0, at).filter((f) => keepSub || !sub.test(f.key)),
      ...other,
      ...fields.slice(at),
    ];
  }
  for (const table of ['active', 'apply', 'review']) {
    const list = fields.filter((f) => f.table === table);
    if (list.length === 0) continue;
    b.push('title', TABLE_TITLES[table] ?? list[0]?.tableTitle ?? table);
    if (table === 'active') activeTable(b, list);
    else if (table === 'apply') applyTable(b, list);
    else reviewTable(b, list);
  }
}

const SECTION = /^[一二三四五六七八九十]+、\S+\s+/;

function legacyForm(b: Builder, cells: readonly CellView[]): void {
  const cumulative = cells.some((c) => c.key.endsWith('#cumulative'));
  b.push('title', '政府信息公开情况统计表');
  b.push('head', '统计指标', pad(cumulative ? ['本年度', '历年累计'] : ['本年度']));
  for (const f of fieldsOf('legacy')) {
    const m = SECTION.exec(f.label);
    if (m) b.push('group', m[0].trim());
    const label = m ? f.label.slice(m[0].length) : f.label;
    b.push('cells', label, pad([f.key, cumulative ? `${f.key}#cumulative` : null]), {
      indent: 1,
      ...(f.unit ? { unit: f.unit } : {}),
    });
  }
  const printed = cells.filter((c) => c.key.startsWith('legacy.label:') && !c.key.endsWith('#cumulative'));
  if (printed.length > 0) {
    b.push('group', '其他指标（按原表标签）');
    for (const c of printed) {
      const label = c.label ?? c.key.slice('legacy.label:'.length);
      b.push('cells', label, pad([c.key, cumulative ? `${c.key}#cumulative` : null]), { indent: 1 });
    }
  }
}

/** Labels of a key for the inspector and tooltips. */
export function cellLabel(key: string, cells?: ReadonlyMap<string, CellView>): string {
  const base = key.replace(/#cumulative$/, '');
  const suffix = key.endsWith('#cumulative') ? '（历年累计）' : '';
  const printed = cells?.get(key)?.label ?? (base.startsWith('legacy.label:') ? base.slice(13) : null);
  const field = fieldOf(base);
  return `${field?.label ?? printed ?? key}${suffix}`;
}

/** The form of a report; `scope` (e.g. `17:2021:3:`) prefixes every row id. */
export function buildLayout(template: Template | null, cells: readonly CellView[], scope = ''): FormLayout {
  const b = new Builder(scope);
  const keys = new Set(cells.map((c) => c.key));
  if (template === '2019' || template === '2021') officialForm(b, template, keys);
  else if (template === 'legacy') legacyForm(b, cells);

  const position = new Map<string, { row: number; col: number }>();
  const place = (): void => {
    b.rows.forEach((r, row) => {
      if (r.kind !== 'cells') return;
      r.cols.forEach((key, col) => {
        if (key && !position.has(key)) position.set(key, { row, col });
      });
    });
  };
  place();
  const extra = cells.filter((c) => !position.has(c.key));
  if (extra.length > 0) {
    b.push('title', template && template !== 'unknown' ? '其他单元格' : '读取到的单元格');
    for (const c of extra)
      b.push('cells', cellLabel(c.key, new Map([[c.key, c]])), pad([c.key]), { indent: 1 });
    place();
  }
  return { rows: b.rows, position };
}
