// npm run bench:export [-- --reports 10000] [--db <file>] [--only <label part>]
// Builds a store of verified reports through the store's own write path (saveFile, editCell, verifyReport), then
// times exportDataset: long CSV and long XLSX (the goal: long CSV ≤ 10 s for 10,000 reports), plus the other
// shapes. Prints seconds, rows/s and CPU seconds (wall time depends on what else the machine runs); asserts nothing.
//
// The reports are test/generator's generateReport(seed) for seeds 1…N (2021, 2019 and legacy formats, decimals,
// negative 本年增/减, printed-label and cumulative legacy keys): their true values are stored as the extracted
// values, so building the store does not depend on the extractor. Every tenth report gets one reviewer edit.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportDataset, type ExportOptions } from '../src/core/export';
import { checkRules } from '../src/core/rules';
import { editCell, getReport, openStore, saveFile, verifyReport, type Store } from '../src/core/store';
import type { Extraction } from '../src/shared/types';
import { generateReport, type GeneratedReport } from '../test/generator';
import { errorWaivers } from '../test/support/waivers';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    // Reuse this store when it exists, else build it there (to time exports again without rebuilding).
    db: { type: 'string' },
    only: { type: 'string' },
  },
});
const REPORTS = Number(args.reports);

function extractionOf({ truth }: GeneratedReport): Extraction {
  const cells = Object.entries(truth.values).map(([key, value]) => ({
    key,
    raw: value === null ? '' : String(value),
    value,
    how: 'clean' as const,
    span: null,
    ...(truth.labels?.[key] ? { label: truth.labels[key] } : {}),
  }));
  return {
    template: truth.template,
    meta: truth.meta,
    tables: [],
    cells,
    findings: checkRules(truth.template, truth.values),
    review: [],
  };
}

function buildStore(file: string): Store {
  const db = openStore(file);
  const batch = db.transaction((from: number, to: number) => {
    for (let seed = from; seed < to; seed++) {
      const report = generateReport(seed);
      saveFile(db, {
        path: `/bench/${report.fileName}`,
        size: report.text.length,
        mtimeMs: seed,
        sha256: createHash('sha256').update(report.text).digest('hex'),
        parserVersion: 1,
        content: {
          format: 'text',
          text: report.text,
          encoding: 'utf-8',
          warnings: [],
          extraction: extractionOf(report),
          error: null,
        },
      });
    }
  });
  for (let seed = 1; seed <= REPORTS; seed += 500) batch(seed, Math.min(REPORTS + 1, seed + 500));
  const ids = db.prepare('SELECT id FROM reports ORDER BY id').pluck().all() as number[];
  const firstCell = db.prepare('SELECT key, value FROM cells WHERE report_id = ? ORDER BY key LIMIT 1');
  for (const [n, reportId] of ids.entries()) {
    if (n % 10 === 0) {
      const cell = firstCell.get(reportId) as { key: string; value: number | null };
      editCell(db, { reportId, key: cell.key, value: (cell.value ?? 0) + 1 }, 'bench');
    }
    const outcome = verifyReport(
      db,
      { reportId, waivers: errorWaivers(getReport(db, reportId), '基准测试：原文如此') },
      'bench',
    );
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
