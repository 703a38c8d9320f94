// `nianbao status --db <file>`: reports counted by status and template, as an aligned table.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ReportStatus } from '../shared/api';
import { statusCounts, type StatusCount } from '../core/store';
import { openOrExplain } from './import';
import { STATUS_WORDS } from '../core/words';
import { panelStatus } from './panel-status';

const STATUSES: [ReportStatus, string][] = (['new', 'needs_review', 'verified', 'failed'] as const).map(
  (s) => [s, STATUS_WORDS[s]],
);

const TEMPLATES: [string, string][] = [
  ['2021', '2021版'],
  ['2019', '2019版'],
  ['legacy', '2019年前'],
  ['unknown', '未识别'],
  ['', '无表格'],
];

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Rows of status × template counts with totals; template columns without reports are left out. */
export function statusTable(counts: StatusCount[]): string {
  const count = (status: string | null, template: string | null): number =>
    counts
      .filter(
        (c) =>
          (status === null || c.status === status) && (template === null || (c.template ?? '') === template),
      )
      .reduce((n, c) => n + c.count, 0);
  const templates = TEMPLATES.filter(([t]) => count(null, t) > 0);
  const header = ['状态', ...templates.map(([, label]) => label), '合计', '文件缺失'];
  const missing = (status: string | null): number =>
    counts.filter((c) => status === null || c.status === status).reduce((n, c) => n + c.missing, 0);
  const rows = [
    ...STATUSES.map(([s, label]) => [
      label,
      ...templates.map(([t]) => String(count(s, t))),
      String(count(s, null)),
      String(missing(s)),
    ]),
    [
      '合计',
      ...templates.map(([t]) => String(count(null, t))),
      String(count(null, null)),
      String(missing(null)),
    ],
  ];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function run(args: string[]): Promise<number> {
  let db: string | undefined;
  try {
    db = parseArgs({ args, options: { db: { type: 'string' } } }).values.db;
  } catch {
    db = undefined;
  }
  if (!db) {
    console.error('用法 (usage)：npm run cli -- status --db <数据库文件>');
    return 2;
  }
  if (!existsSync(db)) {
    console.error(`数据库文件不存在：${db} (no such database)`);
    return 1;
  }
  const store = openOrExplain(db);
  if (!store) return 1;
  try {
    console.log(statusTable(statusCounts(store)));
    console.log(panelStatus(store));
    return 0;
  } finally {
    store.close();
  }
}
