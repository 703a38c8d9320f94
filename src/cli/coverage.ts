// `nianbao coverage --db <file> [--year …] [--region …] [--status …] [--out gaps.csv|.xlsx|.json]`: prints the
// agency × year matrix of report status and writes the gaps sheet (who has not published).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COVERAGE_STATUSES, COVERAGE_SYMBOLS, type Coverage, type CoverageStatus } from '../shared/panel';
import { exportDataset, ExportError, type ExportFormat } from '../core/export';
import { coverage, gaps } from '../core/panel/coverage';
import { refreshPanel } from '../core/panel/refresh';
import { STATUS_WORDS } from '../core/words';
import { openOrExplain } from './import';
import { displayWidth } from './status';

export const COVERAGE_USAGE = `用法 (usage): npm run cli -- coverage --db <数据库文件> [选项]
  --year <年份>       只看这些年度，可重复或用逗号分隔，如 2023,2024（默认：库中最早到最晚的每一年）
  --region <文字>     地区包含此文字的机关
  --status <状态>     只列出有此状态的机关：none|failed|needs_review|verified|several
  --out <文件>        缺报清单写到这里（.csv、.xlsx 或 .json；默认 gaps.csv）`;

const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** The matrix as text: one line per agency, one column per year, a legend and counts below. */
export function coverageTable(c: Coverage): string {
  const names = c.rows.map((r) => r.name + (r.region ? `（${r.region}）` : ''));
  const width = Math.max(displayWidth('机关'), ...names.map(displayWidth));
  const head = padEnd('机关', width) + ' ' + c.years.map((y) => String(y).padStart(5)).join('');
  const lines = [head, '-'.repeat(displayWidth(head))];
  const counts = new Map<CoverageStatus, number>(COVERAGE_STATUSES.map((s) => [s, 0]));
  c.rows.forEach((row, i) => {
    const byYear = new Map(row.cells.map((cell) => [cell.year, cell.status]));
    const cells = c.years.map((y) => {
      const s = byYear.get(y) ?? 'none';
      counts.set(s, (counts.get(s) ?? 0) + 1);
      return ' '.repeat(5 - displayWidth(COVERAGE_SYMBOLS[s])) + COVERAGE_SYMBOLS[s];
    });
    lines.push(padEnd(names[i]!, width) + ' ' + cells.join(''));
  });
  lines.push(
    '',
    `图例：✓ ${STATUS_WORDS.verified}  ? ${STATUS_WORDS.needs_review}  ✗ ${STATUS_WORDS.failed}  多 多个文件  · 无报告`,
    `${c.rows.length} 个机关 × ${c.years.length} 个年度：` +
      COVERAGE_STATUSES.map((s) => `${COVERAGE_SYMBOLS[s]} ${counts.get(s)}`).join('，'),
  );
  if (c.unplaced.length > 0) lines.push(`无法归入机关或年度的文件：${c.unplaced.length} 个`);
  return lines.join('\n');
}

class UsageError extends Error {}

function parse(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        db: { type: 'string' },
        year: { type: 'string', multiple: true },
        region: { type: 'string' },
        status: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(`参数错误：${(err as Error).message}`);
  }
  if (!values.db) throw new UsageError('缺少 --db <数据库文件>');
  const years = (values.year ?? [])
    .flatMap((y) => y.split(','))
    .map((y) => y.trim())
    .filter(Boolean)
    .map((y) => {
      if (!/^\d{4}$/.test(y)) throw new UsageError(`年份无效 --year ${y}（应为四位数字，如 2024）`);
      return Number(y);
    });
  const status = values.status as CoverageStatus | undefined;
  if (status && !COVERAGE_STATUSES.includes(status)) throw new UsageError(`未知状态 --status ${status}`);
  const out = values.out ?? 'gaps.csv';
  const format = path.extname(out).slice(1).toLowerCase() as ExportFormat;
  if (!['csv', 'xlsx', 'json'].includes(format))
    throw new UsageError(`--out 应以 .csv、.xlsx 或 .json 结尾：${out}`);
  return { db: values.db, years, region: values.region, status, out, format };
}

export async function run(args: string[]): Promise<number> {
  let opts;
  try {
    opts = parse(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n${COVERAGE_USAGE}`);
    return 2;
  }
  if (!existsSync(opts.db)) {
    console.error(`数据库文件不存在：${opts.db} (no such database)`);
    return 1;
  }
  const db = openOrExplain(opts.db);
  if (!db) return 1;
  try {
    // A database imported before the panel existed is placed and checked first.
    const unplaced = db
      .prepare('SELECT count(*) FROM reports WHERE agency_id IS NULL AND agency IS NOT NULL')
      .pluck()
      .get();
    if (Number(unplaced) > 0) refreshPanel(db);
    const query = {
      ...(opts.years.length ? { years: opts.years } : {}),
      ...(opts.region ? { region: opts.region } : {}),
      ...(opts.status ? { status: opts.status } : {}),
    };
    console.log(coverageTable(coverage(db, query)));
    const missing = gaps(db, { ...query, status: undefined });
    const result = await exportDataset(db, {
      format: opts.format,
      shapes: ['gaps'],
      out: path.resolve(opts.out),
      includeAll: true,
      ...(opts.years.length ? { years: opts.years } : {}),
      ...(opts.region ? { region: opts.region } : {}),
    });
    console.log(`缺报清单 (gaps)：${missing.length} 行 → ${result.files.map((f) => f.path).join(', ')}`);
    return 0;
  } catch (err) {
    if (err instanceof ExportError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
