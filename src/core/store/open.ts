// Opening the store: SQLite in WAL mode, migrated to the newest schema before anything reads it.
import Database from 'better-sqlite3';
import { migrate, type Migration, loadMigrations } from './migrate';
import { fillFingerprints } from './groups';

export type Store = Database.Database;

export interface OpenOptions {
  /** Migrations to apply (tests); defaults to the SQL files in ./migrations. */
  migrations?: Migration[];
  /** Stop at this schema version (used to build old-schema fixtures). */
  upTo?: number;
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  // The busy timeout first: another process may hold the lock while it switches to WAL or migrates.
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma('busy_timeout = 10000');
    switchToWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536');
    migrate(db, file, opts.migrations ?? loadMigrations(), { upTo: opts.upTo });
    // From the schema with fingerprints on (008_values_fingerprint.sql), reports stored before it get theirs.
    if (hasColumn(db, 'reports', 'values_fp')) fillFingerprints(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function hasColumn(db: Store, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}

const BUSY_WAIT_MS = 10_000;

/**
 * SQLite does not call the busy handler when switching the journal mode while another connection is mid-way through
 * the same switch (it would deadlock), so "database is locked" comes back at once: wait and try again.
 */
function switchToWal(db: Store): void {
  const until = Date.now() + BUSY_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw err;
      Atomics.wait(pause, 0, 0, 20 + Math.random() * 30);
    }
  }
}

const cache = new WeakMap<Store, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per database connection. */
export function stmt(db: Store, sql: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byText.set(sql, s);
  }
  return s;
}

export function now(): string {
  return new Date().toISOString();
}
