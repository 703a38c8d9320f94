import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importFolder } from '../../../src/core/library';
import { editCell, getReport, listReports, openStore, verifyReport } from '../../../src/core/store';
import { tempDir } from '../store/helpers';
import { realReport, variant, waitFor } from './helpers';
import { errorWaivers } from '../../support/waivers';

const TOTAL = 2000;
const CHILD = join(import.meta.dirname, 'import-child.ts');

function startImport(
  folder: string,
  db: string,
): { pid: number; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder, '--db', db], {
    cwd: join(import.meta.dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return {
    pid: child.pid!,
    done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, out }))),
  };
}

describe('import crash safety', () => {
  it('survives SIGKILL midway: database intact, no edit lost, a rerun completes without duplicates', async () => {
    const tmp = tempDir('nianbao-crash-');
    try {
      const folder = join(tmp.dir, 'reports');
      const dbFile = join(tmp.dir, 'store.db');
      mkdirSync(folder);
      const stems = ['000', '001', '002', '003', '004'] as const;
      const texts = stems.map((s) => realReport(s));
      const write = (i: number) =>
        writeFileSync(join(folder, `r${String(i).padStart(4, '0')}.txt`), variant(texts[i % 5]!, i));

      // A reviewer's work exists before the big import starts.
      for (let i = 0; i < 10; i++) write(i);
      const db = openStore(dbFile);
      await importFolder(db, folder, { workers: 0 });
      const [first, second] = listReports(db);
      editCell(db, { reportId: first!.id, key: 'active.fees.amount', value: 4321, note: '核对原件' }, '张三');
      expect(
        verifyReport(
          db,
          { reportId: second!.id, waivers: errorWaivers(getReport(db, second!.id), '以原件为准') },
          '张三',
        ).ok,
      ).toBe(true);
      for (let i = 10; i < TOTAL; i++) write(i);

      const killed = startImport(folder, dbFile);
      const count = () => db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
      await waitFor(() => count() >= 300, 'the child to import 300 reports', 120_000);
      // An edit made while the import is writing.
      editCell(db, { reportId: first!.id, key: 'active.rules.made', value: 7 }, '李四');
      process.kill(killed.pid, 'SIGKILL');
      const { code } = await killed.done;
      expect(code).toBeNull(); // killed, not finished
      db.close();

      const check = new Database(dbFile);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.pragma('foreign_key_check')).toEqual([]);
      const atKill = check.prepare('SELECT count(*) FROM reports').pluck().get() as number;
      expect(atKill).toBeGreaterThanOrEqual(300);
      expect(atKill).toBeLessThan(TOTAL);
      check.close();

      const rerun = startImport(folder, dbFile);
      const { code: rerunCode, out } = await rerun.done;
      expect(rerunCode, out).toBe(0);
      expect(out).toMatch(new RegExp(`${TOTAL - atKill}\\s+新增报告`));

      const after = openStore(dbFile);
      try {
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
        const one = (sql: string) => after.prepare(sql).pluck().get() as number;
        expect(one('SELECT count(*) FROM reports')).toBe(TOTAL);
        expect(one('SELECT count(DISTINCT sha256) FROM reports')).toBe(TOTAL);
        expect(one('SELECT count(*) FROM report_paths')).toBe(TOTAL);
        expect(one('SELECT count(DISTINCT report_id) FROM report_paths')).toBe(TOTAL);
        expect(one("SELECT count(*) FROM reports WHERE status = 'failed'")).toBe(0);
        expect(
          one(
            'SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM cells c WHERE c.report_id = r.id)',
          ),
        ).toBe(0);
        const kept = getReport(after, first!.id);
        expect(kept.cells.find((c) => c.key === 'active.fees.amount')).toMatchObject({
          value: 4321,
          edited: true,
        });
        expect(kept.cells.find((c) => c.key === 'active.rules.made')).toMatchObject({
          value: 7,
          edited: true,
        });
        expect(getReport(after, second!.id).report).toMatchObject({ status: 'verified', verifiedBy: '张三' });
        expect(one('SELECT count(*) FROM edits')).toBe(
          2 + getReport(after, second!.id).findings.filter((f) => f.waiver).length + 1,
        );
      } finally {
        after.close();
      }
    } finally {
      tmp.cleanup();
    }
  }, 300_000);
});
