// Messages between the import pool (main thread) and its workers.
import type { FileContent } from '../store/save';

export type ToWorker =
  /** `ocr`: whether scans and page images are OCR'd (a setting); `root`: the chosen folder. */
  | { type: 'read'; id: number; path: string; ocr: boolean; root?: string }
  /** The content is stored already: do not extract it. */
  | { type: 'drop'; id: number };

export type FromWorker =
  | { type: 'hashed'; id: number; sha256: string; size: number; mtimeMs: number }
  | { type: 'unopened'; id: number; error: string; gone: boolean }
  | { type: 'extracted'; id: number; content: FileContent }
  /** A page of a slow read (OCR) is done; also tells the pool the worker is alive. */
  | { type: 'progress'; id: number; page: number; pages: number };
