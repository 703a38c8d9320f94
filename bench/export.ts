// npm run bench:export [-- --reports 10000] [--db <file>]
// Builds a store of verified reports through the store's own write path (saveFile, editCell, verifyReport), then
// times exportDataset: long CSV and long XLSX (the goal: long CSV ≤ 10 s for 10,000 reports), plus the other
// shapes. Prints seconds and rows/s; nothing is asserted.
//
// The reports vary the five real reports of ../shared/eval/dev/truth (2021, 2019 and legacy formats): values are
// redrawn from a seeded random generator (negative 本年增/减, decimal 万元 amounts included), agencies numbered.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportDataset, type ExportOptions } from '../src/core/export';
import { checkRules } from '../src/core/rules';
import { editCell, openStore, saveFile, verifyReport, type Store } from '../src/core/store';
import type { Extraction, TemplateId } from '../src/shared/types';

interface Truth {
  file: string;
  template: TemplateId;
  meta: { agency: string; year: number; published: string };
  values: Record<string, number | null>;
}

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    // Reuse this store when it exists, else build it there (to time exports again without rebuilding).
    db: { type: 'string' },
    only: { type: 'string' },
  },
});
const REPORTS = Number(args.reports);
const TRUTH_DIR = path.resolve(import.meta.dirname, '../../shared/eval/dev/truth');

/** mulberry32: a small seeded generator, so every run builds the same store. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vary(truth: Truth, i: number, rnd: () => number): Extraction {
  const cells = Object.entries(truth.values).map(([key, base]) => {
    let value: number | null = base;
    if (value !== null) {
      if (/\.change$/.test(key)) value = Math.floor(rnd() * 9) - 4;
      else if (/amount$|fees$|budget$/.test(key)) value = Math.round(rnd() * 100_000) / 100;
      else value = rnd() < 0.6 ? 0 : Math.floor(rnd() * 40);
    }
    return { key, raw: value === null ? '' : String(value), value, how: 'clean' as const, span: null };
  });
  const values = Object.fromEntries(cells.map((c) => [c.key, c.value]));
  return {
    template: truth.template,
    meta: {
      agency: `${truth.meta.agency}（样本${i}）`,
      year: truth.meta.year,
      published: truth.meta.published,
    },
    tables: [],
    cells,
    findings: checkRules(truth.template, values),
    review: [],
  };
}

function buildStore(file: string): Store {
  const truths = readdirSync(TRUTH_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(TRUTH_DIR, f), 'utf8')) as Truth);
  const db = openStore(file);
  const rnd = random(20261121);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const truth = truths[i % truths.length] as Truth;
      const text = `${truth.file} #${i}`;
      saveFile(db, {
        path: `/bench/${String(i).padStart(5, '0')}_${truth.file.replace('.json', '.txt')}`,
        size: text.length,
        mtimeMs: i,
        sha256: createHash('sha256').update(text).digest('hex'),
        parserVersion: 1,
        content: {
          format: 'text',
          text,
          encoding: 'utf-8',
          warnings: [],
          extraction: vary(truth, i, rnd),
          error: null,
        },
      });
    }
  });
  for (let i = 0; i < REPORTS; i += 1000) batch(i, Math.min(REPORTS, i + 1000));
  const ids = db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[];
  for (const [n, reportId] of ids.entries()) {
    if (n % 10 === 0) editCell(db, { reportId, key: 'review.maintained', value: n % 7 }, 'bench');
    const outcome = verifyReport(db, { reportId, waiveNote: '基准测试：原文如此' }, 'bench');
    if (!outcome.ok) throw new Error(`report ${reportId}: ${outcome.reason}`);
  }
  return db;
}

async function timed(db: Store, label: string, options: ExportOptions): Promise<void> {
  if (args.only && !label.includes(args.only)) return;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await exportDataset(db, options);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const bytes = result.files.reduce((sum, f) => sum + statSync(f.path).size, 0);
  const rate = Math.round(result.rows / seconds).toLocaleString('en-US');
  const fields = [
    label.padEnd(22),
    `${seconds.toFixed(2).padStart(7)} s`,
    `${String(result.rows).padStart(9)} rows`,
    `${rate.padStart(9)} rows/s`,
    `cpu ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s`,
    `${(bytes / 1e6).toFixed(1).padStart(7)} MB`,
    `rss ${Math.round(process.memoryUsage.rss() / 1e6)} MB`,
  ];
  console.log(fields.join('  '));
}

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-export-'));
try {
  const started = performance.now();
  const dbFile = args.db ?? path.join(root, 'bench.db');
  const db = existsSync(dbFile) ? openStore(dbFile) : buildStore(dbFile);
  const reports = db
    .prepare("SELECT count(*) FROM reports WHERE status = 'verified'")
    .pluck()
    .get() as number;
  const cells = db.prepare('SELECT count(*) FROM cells').pluck().get() as number;
  const load = os.loadavg()[0]?.toFixed(1);
  console.log(
    `store: ${reports} verified reports, ${cells} cells, ready in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(saveFile + verifyReport, node ${process.version}, load average ${load})`,
  );
  const out = path.join(root, 'out');
  await timed(db, 'long CSV', { format: 'csv', out: path.join(out, 'long.csv'), shapes: ['long'] });
  await timed(db, 'long XLSX', { format: 'xlsx', out: path.join(out, 'long.xlsx'), shapes: ['long'] });
  await timed(db, 'long JSON', { format: 'json', out: path.join(out, 'long.json'), shapes: ['long'] });
  await timed(db, 'wide CSV', { format: 'csv', out: path.join(out, 'wide'), shapes: ['wide'] });
  await timed(db, 'harmonised CSV', { format: 'csv', out: path.join(out, 'h.csv'), shapes: ['harmonised'] });
  await timed(db, 'reports+codebook XLSX', {
    format: 'xlsx',
    out: path.join(out, 'meta.xlsx'),
    shapes: ['reports', 'codebook'],
  });
  db.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
