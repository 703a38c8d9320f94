import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  cellHistory,
  getReport,
  listReports,
  loadMigrations,
  MigrationError,
  openStore,
  undo,
  type Migration,
} from '../../../src/core/store';
import { checksumOf } from '../../../src/core/store/migrate';
import { tempDir } from './helpers';

const FIXTURE = fileURLToPath(new URL('../../fixtures/db/v1.sqlite', import.meta.url));

let tmp: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  tmp = tempDir();
  file = join(tmp.dir, 'store.db');
});
afterEach(() => tmp.cleanup());

/** Starts `count` processes that open `db` at the same moment (each waits for the others to be loaded). */
async function openAtOnce(
  script: string,
  db: string,
  count: number,
): Promise<{ code: number | null; output: string }[]> {
  const children = Array.from({ length: count }, () => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, db], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const ready = new Promise<void>((resolve) =>
      p.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes('ready')) resolve();
      }),
    );
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const done = new Promise<{ code: number | null; output: string }>((resolve) =>
      p.on('close', (code) => resolve({ code, output })),
    );
    return { p, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.p.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

const backups = (): string[] => readdirSync(tmp.dir).filter((f) => f.includes('.backup-'));

function counts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const n = (t: string): number => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      reports: n('reports'),
      cells: n('cells'),
      edits: n('edits'),
      findings: n('findings'),
      migrations: n('migrations'),
    };
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('are numbered SQL files applied in order and recorded with their checksum', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    const db = openStore(file);
    const rows = db.prepare('SELECT version, name, checksum FROM migrations ORDER BY version').all();
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(backups()).toEqual([]); // a new database needs no backup
  });

  it('upgrade the version-1 fixture, keeping its reports, edits and findings', () => {
    copyFileSync(FIXTURE, file);
    const before = counts(file);
    expect(before.migrations).toBe(1);
    const db = openStore(file);
    expect(counts(file)).toMatchObject({ ...before, migrations: loadMigrations().length });
    expect(backups()).toHaveLength(1);

    const rows = listReports(db);
    expect(rows.map((r) => [r.path, r.status])).toEqual([
      ['/old/library/a.txt', 'needs_review'],
      ['/old/library/b.txt', 'verified'],
      ['/old/library/c.pdf', 'failed'],
    ]);
    const a = rows[0]!;
    // Counts added by migration 002 are filled from the old data.
    expect(a.edited).toBe(1);
    expect(a.errors).toBeGreaterThan(0);
    expect(getReport(db, a.id).cells.every((c) => c.attention === null)).toBe(true);

    // The old audit log still drives undo.
    expect(cellHistory(db, a.id, 'apply.new.total')).toMatchObject([{ old: 2, new: 3, reviewer: '张三' }]);
    const undone = undo(db, a.id, '李四');
    expect(undone.cells).toMatchObject([{ key: 'apply.new.total', value: 2, edited: false }]);
    expect(undone.report.errors).toBe(0);
    expect(undo(db, rows[1]!.id, '李四').report.status).toBe('new');
    db.close();
  });

  it('stop with a clear error, the database untouched and no backup, when an applied migration was edited', () => {
    openStore(file).close();
    const edited: Migration[] = loadMigrations().map((m) =>
      m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: checksumOf(`${m.sql}\n-- edited`) } : m,
    );
    const before = counts(file);
    let error: unknown;
    try {
      openStore(file, { migrations: edited });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/001_init\.sql.*校验和不符/);
    expect((error as Error).message).toContain('数据库未作任何修改');
    expect((error as MigrationError).backup).toBeNull();
    expect(backups()).toEqual([]);
    expect(counts(file)).toEqual(before);
    openStore(file).close(); // the original migrations still open it
  });

  it('stop at a failing migration with the database unchanged and a backup', () => {
    copyFileSync(FIXTURE, file);
    const sql = 'ALTER TABLE reports ADD COLUMN shelf TEXT;\nINSERT INTO no_such_table VALUES (1);';
    const failing: Migration[] = [
      ...loadMigrations(),
      { version: loadMigrations().length + 1, name: '099_broken.sql', sql, checksum: checksumOf(sql) },
    ];
    expect(() => openStore(file, { migrations: failing })).toThrow(/099_broken\.sql 失败：no such table/);
    expect(backups().length).toBeGreaterThanOrEqual(1);
    // 002 was applied and kept, 099 left no trace: not recorded, no half-added column.
    const db = openStore(file);
    expect(counts(file)).toMatchObject({ reports: 3, migrations: loadMigrations().length });
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('reports');
    expect(columns).not.toContain('shelf');
    db.close();
  });

  it('refuse a database written by a newer program, every time, without writing a backup', () => {
    copyFileSync(FIXTURE, file);
    openStore(file).close();
    expect(backups()).toHaveLength(1); // the upgrade's
    const older = loadMigrations().slice(0, 1);
    for (let attempt = 0; attempt < 3; attempt++)
      expect(() => openStore(file, { migrations: older })).toThrow(/更新版本的程序.*\n数据库未作任何修改/s);
    expect(backups()).toHaveLength(1);
    expect(counts(file).reports).toBe(3);
  });

  it('let two processes open a version-1 database at once: both succeed, migrated once', async () => {
    const child = fileURLToPath(new URL('./open-child.ts', import.meta.url));
    for (let round = 0; round < 4; round++) {
      const db = join(tmp.dir, `race-${round}.db`);
      copyFileSync(FIXTURE, db);
      const runs = await openAtOnce(child, db, 3);
      for (const r of runs) expect(r.output).toContain('opened');
      for (const r of runs) expect(r.code).toBe(0);
      expect(counts(db)).toMatchObject({ reports: 3, migrations: loadMigrations().length });
    }
  }, 120_000);

  it('ignore line endings in the checksum', () => {
    expect(checksumOf('a;\r\nb;\r\n')).toBe(checksumOf('a;\nb;\n'));
  });
});
