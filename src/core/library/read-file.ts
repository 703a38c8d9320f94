// The work done for one file, in a worker thread or in the calling thread: read and hash it, then (only when its
// content is not stored yet) read the document and extract its tables. Never throws for a bad file.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileContent, ImportedFile } from '../store/save';
import { storedDigestOf } from '../panel/digest';
import { processDocument } from '../pipeline';
import { withCompanions } from './companions';
import { MAX_BYTES, tooLarge } from '../read/failure';
import type { ReadOptions } from '../read/types';
import { isInside } from './files';

export interface HashedFile {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  /** The file's bytes; null when they were not kept (see KEEP_BYTES). */
  bytes: Uint8Array | null;
  /** The chosen folder the file must lie inside. */
  root?: string;
}

/** Files larger than this are not kept in memory between hashing and extraction: they are read again. */
export const KEEP_BYTES = 8 * 1024 * 1024;

/** Thrown for a path that is not a regular file inside the chosen folder (link, device, pipe, folder). */
export class NotRegularFile extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly why: 'link' | 'special' | 'outside') {
    super(why);
  }
}

// O_NOFOLLOW: a symbolic link is refused by open itself (ELOOP); O_NONBLOCK: opening a pipe does not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Opens `path` for reading only when it is a regular file whose real path lies inside `root`: never a link (to
 * /etc/passwd, /dev/zero, …), a device, a pipe or anything outside the chosen folder.
 */
async function openRegular(path: string, root: string | undefined): Promise<FileHandle> {
  const before = await lstat(path);
  if (before.isSymbolicLink()) throw new NotRegularFile('link');
  if (!before.isFile()) throw new NotRegularFile('special');
  if (root !== undefined) {
    const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    if (!isInside(realRoot, real)) throw new NotRegularFile('outside');
  }
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (err) {
    // Replaced by a link between lstat and open.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRegularFile('link');
    throw err;
  }
  const s = await handle.stat();
  if (!s.isFile()) {
    await handle.close();
    throw new NotRegularFile('special');
  }
  return handle;
}

/** At most `limit` bytes of an open file, whatever it claims its size is. */
async function readAtMost(handle: FileHandle, size: number, limit: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.min(size, limit));
  let filled = 0;
  while (filled < buf.length) {
    const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buf.subarray(0, filled);
}

async function hashHandle(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let at = 0; ;) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) break;
    hash.update(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
  return hash.digest('hex');
}

/**
 * Throws the file system's error (ENOENT, EACCES, …) when the file cannot be opened, NotRegularFile when it is not
 * a regular file inside `root`. Large files are hashed without keeping their bytes (`bytes` null when over the
 * reader's limit; `readBytes` reads a kept-out file again for extraction).
 */
export async function hashFile(path: string, root?: string): Promise<HashedFile> {
  const handle = await openRegular(path, root);
  try {
    const s = await handle.stat();
    if (s.size > KEEP_BYTES) {
      const sha256 = await hashHandle(handle);
      return { path, size: s.size, mtimeMs: s.mtimeMs, sha256, bytes: null, root };
    }
    const bytes = await readAtMost(handle, s.size, MAX_BYTES + 1);
    return {
      path,
      size: bytes.byteLength,
      mtimeMs: s.mtimeMs,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      root,
    };
  } finally {
    await handle.close();
  }
}

/** The bytes to extract: those kept at hashing, else read again (never more than the reader's limit). */
async function bytesOf(file: HashedFile): Promise<Uint8Array | null> {
  if (file.bytes) return file.bytes;
  if (file.size > MAX_BYTES) return null;
  const handle = await openRegular(file.path, file.root);
  try {
    return await readAtMost(handle, file.size, MAX_BYTES + 1);
  } finally {
    await handle.close();
  }
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
  try {
    const bytes = await bytesOf(file);
    if (!bytes || bytes.byteLength > MAX_BYTES)
      return failed(tooLarge(Math.max(file.size, bytes?.byteLength ?? 0)).error);
    const { read, extraction } = await withCompanions(
      file.path,
      await processDocument(bytes, basename(file.path), options),
      { ocr: options.ocr },
    );
    if (!read.ok) return { ...failed(read.error), format: read.format === 'unknown' ? null : read.format };
    return {
      format: read.format,
      text: read.text,
      encoding: read.encoding ?? null,
      layout: read.layout ?? null,
      // The panel's text digest, here in the worker rather than in the thread that writes the store.
      digest: storedDigestOf(read.text),
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
  if (err instanceof NotRegularFile)
    return err.why === 'outside'
      ? '文件实际位于所选文件夹之外，不读取 (the file lies outside the chosen folder)'
      : '不是普通文件（符号链接、设备或管道），不读取 (not a regular file: link, device or pipe)';
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENAMETOOLONG':
      return '文件路径过长，无法读取 (path too long)';
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
