// The work done for one file, in a worker thread or in the calling thread: read and hash it, then (only when its
// content is not stored yet) read the document and extract its tables. Never throws for a bad file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileContent, ImportedFile } from '../store/save';
import { processDocument } from '../pipeline';
import { MAX_BYTES, tooLarge } from '../read/failure';
import type { ReadOptions } from '../read/types';

export interface HashedFile {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  /** The file's bytes; null when it is too large to read as a report. */
  bytes: Uint8Array | null;
}

async function hashStream(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Throws the file system's error (ENOENT, EACCES, …) when the file cannot be opened. */
export async function hashFile(path: string): Promise<HashedFile> {
  const before = await stat(path);
  if (before.size > MAX_BYTES) {
    return { path, size: before.size, mtimeMs: before.mtimeMs, sha256: await hashStream(path), bytes: null };
  }
  const bytes = await readFile(path);
  return {
    path,
    size: bytes.byteLength,
    mtimeMs: before.mtimeMs,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function extractContent(file: HashedFile, options: ReadOptions = {}): Promise<FileContent> {
  const failed = (error: string): FileContent => ({
    format: null,
    text: null,
    encoding: null,
    warnings: [],
    extraction: null,
    error,
  });
  if (!file.bytes) return failed(tooLarge(file.size).error);
  try {
    const { read, extraction } = await processDocument(file.bytes, basename(file.path), options);
    if (!read.ok) return { ...failed(read.error), format: read.format === 'unknown' ? null : read.format };
    return {
      format: read.format,
      text: read.text,
      encoding: read.encoding ?? null,
      warnings: read.warnings,
      extraction,
      error: extraction ? null : '未能提取表格 (no extraction)',
    };
  } catch (err) {
    return failed(`提取时出错：${message(err)} (extraction failed)`);
  }
}

/** Why a file could not be opened, for the reviewer. */
export function fileError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有读取该文件的权限 (permission denied)';
    case 'EBUSY':
      return '文件被其他程序占用 (file is locked by another program)';
    case 'EISDIR':
      return '这是一个文件夹 (is a folder)';
    default:
      return `无法打开文件：${message(err)} (cannot open file)`;
  }
}

export function isGone(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * A file that cannot even be opened still becomes a report (status failed) so the reviewer sees it; its content
 * is unknown, so it is keyed by its path until it can be read.
 */
export function unopenedFile(path: string, error: string, parserVersion: number): ImportedFile {
  return {
    path,
    size: 0,
    mtimeMs: 0,
    sha256: `unreadable:${path}`,
    parserVersion,
    content: { format: null, text: null, encoding: null, warnings: [], extraction: null, error },
  };
}
