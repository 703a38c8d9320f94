// npm run bench:import [-- --count 10000 --workers n --fresh]
// Imports generated reports into a new store and compares with a baseline measured in the same run: read the same
// files and insert the same number of cell rows with one prepared statement in one transaction.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fieldsOf } from '../src/core/fields';
import { importFolder } from '../src/core/library';
import { processDocument } from '../src/core/pipeline';
import { listReports, openStore } from '../src/core/store';
import { generateReport } from '../test/generator';

const { values: opts } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    workers: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const count = Number(opts.count);
const workers = opts.workers === undefined ? undefined : Number(opts.workers);

/** Generated files are kept between runs, keyed by the generator's source, since generating takes a while. */
function reportsFolder(): string {
  const generatorDir = join(import.meta.dirname, '../test/generator');
  const source = createHash('sha256');
  for (const f of readdirSync(generatorDir).sort()) source.update(readFileSync(join(generatorDir, f)));
  const key = `${count}-${source.digest('hex').slice(0, 12)}`;
  const dir = join(tmpdir(), `nianbao-bench-import-${key}`);
  if (existsSync(join(dir, '.complete')) && !opts.fresh) return dir;
  // Written aside and renamed into place, so that two runs at once never share a half-written folder.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const sub = join(partial, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const report = generateReport(i + 1);
    writeFileSync(join(sub, report.fileName), report.text);
  }
  writeFileSync(join(partial, '.complete'), key);
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(partial, dir);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another run got there first: use its copy
  }
  console.log(
    `生成 ${count} 份报告 (generated) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`,
  );
  return dir;
}

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function main(): Promise<void> {
  const folder = reportsFolder();
  const files = listFiles(folder);
  const work = join(tmpdir(), `nianbao-bench-db-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    // The import, as the app and the CLI run it: worker threads, batched transactions, findings, documents.
    const load = loadavg()[0]!;
    const db = openStore(join(work, 'import.db'));
    let cpu = process.cpuUsage();
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const result = await importFolder(db, folder, { workers });
    stalls.disable();
    const importCpu = cpuSeconds(process.cpuUsage(cpu));
    const cells = db.prepare('SELECT count(*) FROM cells').pluck().get() as number;
    const perFile = new Map(
      (
        db
          .prepare(
            'SELECT p.path, (SELECT count(*) FROM cells c WHERE c.report_id = p.report_id) AS n FROM report_paths p',
          )
          .all() as { path: string; n: number }[]
      ).map((r) => [r.path, r.n]),
    );
    let t = performance.now();
    const listed = listReports(db).length;
    const listMs = performance.now() - t;
    t = performance.now();
    const rerun = await importFolder(db, folder, { workers });
    const rerunSeconds = (performance.now() - t) / 1000;
    db.close();

    // The baseline: read the same files, insert as many cell rows with one prepared statement in one transaction.
    const keys = fieldsOf('2021').map((f) => f.key);
    const base = openStore(join(work, 'baseline.db'));
    base.pragma('foreign_keys = OFF');
    const insert = base.prepare(
      `INSERT INTO cells (report_id, key, raw, extracted, value, how, span_start, span_end) VALUES (?, ?, ?, ?, ?, 'clean', ?, ?)`,
    );
    t = performance.now();
    cpu = process.cpuUsage();
    const texts: string[] = [];
    for (const f of files) texts.push(await readFile(f, 'utf8'));
    base.transaction(() => {
      files.forEach((f, i) => {
        const n = perFile.get(f) ?? 0;
        for (let k = 0; k < n; k++)
          insert.run(i + 1, keys[k % keys.length]! + (k >= keys.length ? `#${k}` : ''), '1', 1, 1, k, k + 1);
      });
    })();
    const baselineSeconds = (performance.now() - t) / 1000;
    const baselineCpu = cpuSeconds(process.cpuUsage(cpu));
    base.close();

    // What reading and extracting alone cost (every 10th file, one thread): the part the workers do.
    const sample = files.filter((_, i) => i % 10 === 0);
    cpu = process.cpuUsage();
    for (const f of sample) await processDocument(await readFile(f), f);
    const extractCpuPerReport = cpuSeconds(process.cpuUsage(cpu)) / sample.length;

    const seconds = result.seconds;
    const p = result.progress;
    const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
    console.log(
      `\nbench:import — ${files.length} 份报告, ${availableParallelism()} 核, workers ${workers ?? 'default'}, ` +
        `load average ${load.toFixed(1)} at start`,
    );
    line('import: reports / failed', `${p.done} / ${p.failed} (${JSON.stringify(result.tally)})`);
    line('import: cells stored', String(cells));
    line('import: seconds', seconds.toFixed(2));
    line('import: reports/s', (p.done / seconds).toFixed(0));
    line('import: CPU seconds (all threads)', importCpu.toFixed(2));
    line(
      'import: main thread event-loop delay',
      `p99 ${(stalls.percentile(99) / 1e6).toFixed(0)} ms, max ${(stalls.max / 1e6).toFixed(0)} ms`,
    );
    line(
      'read + extract alone: CPU ms/report',
      `${(extractCpuPerReport * 1000).toFixed(2)} (sampled ${sample.length} files)`,
    );
    line('read + extract alone: CPU s, all', (extractCpuPerReport * files.length).toFixed(2));
    line('baseline: seconds (read + insert)', baselineSeconds.toFixed(2));
    line('baseline: reports/s', (files.length / baselineSeconds).toFixed(0));
    line('baseline: CPU seconds', baselineCpu.toFixed(2));
    line('ratio import / baseline', (seconds / baselineSeconds).toFixed(2));
    line('listReports (all rows)', `${listed} rows in ${listMs.toFixed(0)} ms`);
    line('rerun (nothing changed): seconds', `${rerunSeconds.toFixed(2)} (${rerun.tally.skipped} skipped)`);
    line('goal', '10,000 reports ≤ 20 s, ratio ≤ 3');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
