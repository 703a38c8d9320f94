// Numbered SQL migrations (migrations/NNN_name.sql), each applied in its own transaction and recorded with the
// sha256 of its text. The history is checked at every start: an applied migration whose file changed, an unknown
// applied version (a newer program's database) or gaps stop with MigrationError and leave the database untouched
// (no backup is written: nothing was changed, and a refused database opened again and again must not fill the disk).
// Before an upgrade of a database that holds data, the file is copied to `<db>.backup-<time>`; a failing migration
// stops with MigrationError and that backup. Two processes upgrading the same database at once: each migration is
// applied under the write lock after looking again whether the other one applied it already. Nothing here ever
// deletes or empties a database.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: number[];
  backup: string | null;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    /** Copy of the database taken before stopping, when the database had data. */
    readonly backup: string | null,
  ) {
    super(backup ? `${message}\n数据库已备份到 (backup): ${backup}` : message);
  }
}

const FILE_NAME = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

export function checksumOf(sql: string): string {
  // Line endings do not change a migration (a checkout with CRLF must not look edited).
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * The folder next to this module under tsx/vitest (src/core/store/migrations) and next to the bundle in the built
 * app (out/main/migrations, copied by electron.vite.config.ts).
 */
export function migrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(dir: string = migrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const m = FILE_NAME.exec(file);
      if (!m)
        throw new MigrationError(
          `迁移文件名无效：${file}（应为 NNN_name.sql）(bad migration file name)`,
          null,
        );
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return { version: Number(m[1]), name: file, sql, checksum: checksumOf(sql) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new MigrationError(`迁移编号不连续：${m.name} (migration numbers must be 1, 2, …)`, null);
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** A consistent copy of the database next to it; null for in-memory databases. */
export function backupDatabase(db: Database, file: string | null): string | null {
  if (!file || file === ':memory:') return null;
  // Two processes upgrading at the same second pick the same name: the one that loses takes the next.
  for (let n = 1; ; n++) {
    const target = n === 1 ? `${file}.backup-${timestamp()}` : `${file}.backup-${timestamp()}-${n}`;
    if (existsSync(target)) continue;
    try {
      db.prepare('VACUUM INTO ?').run(target);
      return target;
    } catch (err) {
      if (n >= 100 || !/already exists/.test((err as Error).message)) throw err;
    }
  }
}

function hasUserTables(db: Database): boolean {
  const row = db
    .prepare(
      "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'",
    )
    .get() as { n: number };
  return row.n > 0;
}

/**
 * Brings `db` (stored at `file`, or null when in memory) to the newest migration, or to `upTo`.
 * Throws MigrationError when the recorded history does not match the migration files or a migration fails.
 */
export function migrate(
  db: Database,
  file: string | null,
  migrations: Migration[] = loadMigrations(),
  opts: { upTo?: number } = {},
): MigrateResult {
  // Under the write lock, so that a process creating it at the same moment is seen. A connection that read the
  // schema just before another process switched the file to WAL may still say "already exists": it does.
  try {
    db.transaction(() =>
      db.exec(`CREATE TABLE IF NOT EXISTS migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`),
    ).immediate();
  } catch (err) {
    if (!/already exists/.test((err as Error).message)) throw err;
  }
  const applied = db
    .prepare('SELECT version, name, checksum FROM migrations ORDER BY version')
    .all() as AppliedRow[];
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  let backup: string | null = null;
  const stop = (message: string): never => {
    throw new MigrationError(message, backup);
  };
  const refuse = (message: string): never => {
    throw new MigrationError(`${message}\n数据库未作任何修改 (the database was left unchanged)`, null);
  };

  for (const row of applied) {
    const known = byVersion.get(row.version);
    if (!known) {
      refuse(
        `数据库已应用迁移 ${row.name}，但本程序没有该迁移：请使用更新版本的程序打开。(database is newer than this program)`,
      );
    } else if (known.checksum !== row.checksum) {
      refuse(
        `迁移 ${row.name} 应用后被修改过（校验和不符），已停止。(applied migration was edited: checksum mismatch)`,
      );
    }
  }

  const last = applied.at(-1)?.version ?? 0;
  if (applied.length !== last)
    refuse(`迁移记录不连续（已应用 ${applied.length} 个，最高版本 ${last}）。(migration history has gaps)`);
  const target = opts.upTo ?? migrations.length;
  const pending = migrations.filter((m) => m.version > last && m.version <= target);
  if (pending.length === 0) return { applied: [], backup: null };

  // Upgrading a database that holds data: keep a copy first, whatever happens next.
  if (hasUserTables(db)) backup = backupDatabase(db, file);
  const record = db.prepare(
    'INSERT INTO migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const recorded = db.prepare('SELECT checksum FROM migrations WHERE version = ?');
  const done: number[] = [];
  for (const m of pending) {
    try {
      // Under the write lock: another process opening the same database may have applied it meanwhile.
      const byOther = db
        .transaction(() => {
          const row = recorded.get(m.version) as { checksum: string } | undefined;
          if (row) {
            if (row.checksum !== m.checksum) throw new Error(`applied meanwhile with another checksum`);
            return true;
          }
          db.exec(m.sql);
          record.run(m.version, m.name, m.checksum, new Date().toISOString());
          return false;
        })
        .immediate();
      if (byOther) {
        done.push(m.version);
        continue;
      }
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      stop(
        `迁移 ${m.name} 失败：${detail}。数据库保持在版本 ${last + done.length}。(migration failed, database unchanged)`,
      );
    }
    done.push(m.version);
  }
  db.pragma(`user_version = ${last + done.length}`);
  return { applied: done, backup };
}
