// npm run bench:panel [-- --agencies 1000 --years 10 --fresh --app]
// Multi-year series of generated reports (test/generator/series.ts): `agencies` agencies × `years` years, some
// chains broken, some published late. Imports them, then times what the panel adds: placing reports and every
// cross-report and supervisors' check including text reuse (full recompute), the coverage matrix, one report's
// recompute after an edit, the registry's suggestions.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { suggestAgencies } from '../src/core/agencies/suggest';
import { importFolder } from '../src/core/library';
import { coverage } from '../src/core/panel/coverage';
import { digestOf } from '../src/core/panel/digest';
import { refreshPanel } from '../src/core/panel/refresh';
import { PanelService } from '../src/core/service/panel';
import { openStore } from '../src/core/store';
import { generateSeries } from '../test/generator/series';

const { values: opts } = parseArgs({
  options: {
    agencies: { type: 'string', default: '1000' },
    years: { type: 'string', default: '10' },
    workers: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    /** Also import as the app does: the panel refreshed after import batches (debounced), not once at the end. */
    app: { type: 'boolean', default: false },
  },
});
const agencies = Number(opts.agencies);
const years = Number(opts.years);
const workers = opts.workers === undefined ? undefined : Number(opts.workers);
const LAST = 2024;

const PLACES = [
  ...'崔东滨海兰亭高碑永城平山青云长安新华龙泉凤凰金水白石南湖北关西岭桃源清河柳营望江红星太和兴隆广德明珠松林枫桥',
];
const DEPARTMENTS = [
  '教育局',
  '民政局',
  '财政局',
  '司法局',
  '统计局',
  '水利局',
  '商务局',
  '审计局',
  '林业局',
  '粮食局',
];

function folder(): string {
  const source = createHash('sha256');
  for (const dir of ['../test/generator'])
    for (const f of readdirSync(join(import.meta.dirname, dir)).sort())
      source.update(readFileSync(join(import.meta.dirname, dir, f)));
  const key = `${agencies}x${years}-${source.digest('hex').slice(0, 12)}`;
  const dir = join(tmpdir(), `nianbao-bench-panel-${key}`);
  if (existsSync(join(dir, '.complete')) && !opts.fresh) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const started = performance.now();
  for (let i = 0; i < agencies; i++) {
    const place = PLACES[i % PLACES.length]! + PLACES[Math.floor(i / PLACES.length) % PLACES.length]!;
    const name = `${place}区${DEPARTMENTS[i % DEPARTMENTS.length]}`;
    const sub = join(partial, `agency-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const series = generateSeries({
      agency: { name, parent: `${place}区人民政府`, self: '我局' },
      from: LAST - years + 1,
      to: LAST,
      seed: 5000 + i,
      ...(i % 10 === 3 ? { breaks: [{ year: 2022, rule: 'carry' as const }] } : {}),
      ...(i % 7 === 0 ? { late: [2023] } : {}),
    });
    for (const r of series) writeFileSync(join(sub, `${i}-${r.year}.txt`), r.text);
  }
  writeFileSync(join(partial, '.complete'), key);
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(partial, dir);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  console.log(
    `生成 ${agencies * years} 份报告 (generated) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`,
  );
  return dir;
}

function median(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main(): Promise<void> {
  const reports = folder();
  const work = join(tmpdir(), `nianbao-bench-panel-db-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const load = loadavg()[0]!;
  try {
    const db = openStore(join(work, 'panel.db'));
    const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
    // The import computes each document's digest (sentences for reuse, sections) in its workers and stores it with
    // the document; process CPU counts every thread.
    let cpu = process.cpuUsage();
    const imported = await importFolder(db, reports, { workers });
    const importCpu = cpuSeconds(process.cpuUsage(cpu));
    // Documents the import left without a digest (none expected) get one here, as the panel would on first use.
    let t = performance.now();
    cpu = process.cpuUsage();
    const missing = db
      .prepare(
        `SELECT DISTINCT r.sha256 FROM reports r JOIN documents d ON d.sha256 = r.sha256
         WHERE NOT EXISTS (SELECT 1 FROM document_digests g WHERE g.sha256 = r.sha256)`,
      )
      .pluck()
      .all() as string[];
    db.transaction(() => {
      for (const sha of missing) digestOf(db, sha);
    })();
    const digestMs = performance.now() - t;
    const digestCpu = cpuSeconds(process.cpuUsage(cpu));
    t = performance.now();
    cpu = process.cpuUsage();
    const full = refreshPanel(db);
    const fullMs = performance.now() - t;
    const fullCpu = cpuSeconds(process.cpuUsage(cpu));
    const byRule = db
      .prepare('SELECT rule, count(*) AS n FROM panel_findings GROUP BY rule ORDER BY rule')
      .all() as { rule: string; n: number }[];
    cpu = process.cpuUsage();
    const again = median(3, () => refreshPanel(db));
    const againCpu = cpuSeconds(process.cpuUsage(cpu)) / 3;
    const matrix = coverage(db);
    const coverageMs = median(5, () => coverage(db));
    const one = db.prepare('SELECT id FROM reports WHERE panel_year = 2022 LIMIT 1').pluck().get() as number;
    const oneMs = median(5, () => refreshPanel(db, [one]));
    t = performance.now();
    const suggestions = suggestAgencies(db);
    const suggestMs = performance.now() - t;
    db.close();

    // The app's way: each import batch's reports go to the panel service, which recomputes their agencies after
    // a short pause; the last ones when the import is done.
    let app: { seconds: number; cpu: number; refreshMs: number; refreshes: number; findings: number } | null =
      null;
    if (opts.app) {
      const adb = openStore(join(work, 'app.db'));
      const panel = new PanelService(
        () => adb,
        () => 'bench',
        () => {},
      );
      let refreshMs = 0;
      let refreshes = 0;
      const flush = panel.flush.bind(panel);
      panel.flush = () => {
        const started = performance.now();
        flush();
        refreshMs += performance.now() - started;
        refreshes++;
      };
      t = performance.now();
      cpu = process.cpuUsage();
      await importFolder(adb, reports, { workers, onChange: (ids) => panel.changed(ids, true) });
      panel.flush();
      app = {
        seconds: (performance.now() - t) / 1000,
        cpu: cpuSeconds(process.cpuUsage(cpu)),
        refreshMs,
        refreshes,
        findings: adb.prepare('SELECT count(*) FROM panel_findings').pluck().get() as number,
      };
      panel.stop();
      adb.close();
    }

    const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
    console.log(
      `\nbench:panel — ${agencies} 个机关 × ${years} 年 = ${imported.progress.done} 份报告, ${availableParallelism()} 核, ` +
        `load average ${load.toFixed(1)} at start`,
    );
    line(
      'import (with text digests): seconds',
      `${imported.seconds.toFixed(2)} (CPU ${importCpu.toFixed(2)} s)`,
    );
    line(
      'digests missing after import: ms',
      `${digestMs.toFixed(0)} (CPU ${(digestCpu * 1000).toFixed(0)} ms, ${missing.length} documents)`,
    );
    line('all panel checks after import: ms', `${fullMs.toFixed(0)} (CPU ${(fullCpu * 1000).toFixed(0)} ms)`);
    line('  agencies / reports / findings', `${full.agencies} / ${full.reports} / ${full.findings}`);
    line('  findings by rule', byRule.map((r) => `${r.rule} ${r.n}`).join(', '));
    line(
      'panel recompute again (median of 3): ms',
      `${again.toFixed(0)} (CPU ${(againCpu * 1000).toFixed(0)} ms, mean)`,
    );
    line('import + digests + checks: seconds', (imported.seconds + (digestMs + fullMs) / 1000).toFixed(2));
    line(
      'coverage matrix (median of 5): ms',
      `${coverageMs.toFixed(0)} (${matrix.rows.length} × ${matrix.years.length})`,
    );
    line('one report changed → its agency: ms', oneMs.toFixed(1));
    line('registry suggestions: ms', `${suggestMs.toFixed(0)} (${suggestions.length})`);
    if (app) {
      line(
        'import, panel refreshed by batch (app): s',
        `${app.seconds.toFixed(2)} (CPU ${app.cpu.toFixed(2)} s; ${app.refreshes} refreshes, ${(app.refreshMs / 1000).toFixed(2)} s in the main thread; ${app.findings} findings)`,
      );
    }
    line('load average at end', loadavg()[0]!.toFixed(1));
    line('goals', 'coverage ≤ 300 ms; all checks after import ≤ 2 s; import + reuse ≤ 20 s');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
