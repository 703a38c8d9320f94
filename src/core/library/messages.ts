// Messages between the import pool (main thread) and its workers.
import type { FileContent } from '../store/save';

export type ToWorker =
  | { type: 'read'; id: number; path: string; root?: string }
  /** The content is stored already: do not extract it. */
  | { type: 'drop'; id: number };

export type FromWorker =
  | { type: 'hashed'; id: number; sha256: string; size: number; mtimeMs: number }
  | { type: 'unopened'; id: number; error: string; gone: boolean }
  | { type: 'extracted'; id: number; content: FileContent };
