// Opening the store: SQLite in WAL mode, migrated to the newest schema before anything reads it.
import Database from 'better-sqlite3';
import { migrate, type Migration, loadMigrations } from './migrate';

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
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536');
    migrate(db, file, opts.migrations ?? loadMigrations(), { upTo: opts.upTo });
    return db;
  } catch (err) {
    db.close();
    throw err;
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
