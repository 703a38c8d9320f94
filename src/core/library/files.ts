// Which files in the watched folder are reports, and listing them.
import { lstat, readdir } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';

/** Extensions the reader understands or names in a clear failure (.pdf, .ofd). */
export const REPORT_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.htm',
  '.html',
  '.shtml',
  '.xhtml',
  '.mht',
  '.mhtml',
  '.docx',
  '.doc',
  '.wps',
  '.xls',
  '.xlsx',
  '.ofd',
  '.rtf',
  '.pdf',
  // Reports published as page images (read by OCR).
  '.png',
  '.jpg',
  '.jpeg',
]);

/** Hidden files and folders, Office lock files and partial downloads are never reports. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.(tmp|temp|part|crdownload|download|swp)$/i.test(name) ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini'
  );
}

export function isReportFile(path: string): boolean {
  const name = basename(path);
  return !isIgnoredName(name) && REPORT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** True when some folder on the way from `root` to `path` is hidden (`.git`, `.Trash`, …). */
export function inIgnoredFolder(root: string, path: string): boolean {
  const rel = path.slice(resolve(root).length).split(/[\\/]/).filter(Boolean);
  return rel.slice(0, -1).some(isIgnoredName);
}

export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A file or folder under the chosen folder that cannot be listed or read: it gets its own error, the rest goes on. */
export interface ScanProblem {
  path: string;
  error: string;
  /** A folder: its files are unknown (nothing is stored for it); a file: stored as a failed report. */
  kind: 'file' | 'folder';
}

export interface FolderScan {
  files: FoundFile[];
  problems: ScanProblem[];
}

const NOT_UTF8_NAME =
  '文件名不是 UTF-8 编码（可能是 GBK），无法按名称读取，请重命名该文件 (file name is not UTF-8, e.g. GBK bytes: rename it)';
const NOT_UTF8_FOLDER =
  '文件夹名不是 UTF-8 编码（可能是 GBK），其中的文件无法读取，请重命名该文件夹 (folder name is not UTF-8: rename it)';

/** Why a folder or file could not be listed, for the reviewer. */
export function listingError(err: unknown, kind: 'file' | 'folder'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const what = kind === 'folder' ? '文件夹' : '文件';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `没有读取该${what}的权限 (permission denied)`;
    case 'ENAMETOOLONG':
      return `${what}路径过长，无法读取 (path too long)`;
    case 'ELOOP':
      return `${what}路径中的链接循环 (too many symbolic links)`;
    default:
      return `无法读取该${what}：${err instanceof Error ? err.message : String(err)} (cannot list)`;
  }
}

/** A name as stored bytes: UTF-8 when it is valid UTF-8, else read as GB18030 for the reviewer to recognise it. */
function nameOf(bytes: Buffer): { name: string; utf8: boolean } {
  const utf8 = bytes.toString('utf8');
  if (Buffer.from(utf8, 'utf8').equals(bytes)) return { name: utf8, utf8: true };
  return { name: new TextDecoder('gb18030').decode(bytes), utf8: false };
}

/**
 * Every report file under `folder`, recursively, as absolute paths, sorted; plus what could not be listed. Only
 * regular files are taken: symbolic links (to files or folders), devices and pipes are never followed or read. An
 * unreadable subfolder, an over-long path or a name that is not UTF-8 is a problem of its own, never the end of the
 * scan; only an unreadable `folder` itself throws.
 */
export async function scanFolder(folder: string): Promise<FolderScan> {
  const root = resolve(folder);
  const files: FoundFile[] = [];
  const problems: ScanProblem[] = [];
  const stack: { path: string; bytes: Buffer }[] = [{ path: root, bytes: Buffer.from(root) }];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir.bytes, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      if (dir.path === root) throw err;
      problems.push({ path: dir.path, error: listingError(err, 'folder'), kind: 'folder' });
      continue;
    }
    for (const entry of entries) {
      const { name, utf8 } = nameOf(entry.name);
      if (isIgnoredName(name)) continue;
      const path = join(dir.path, name);
      const bytes = Buffer.concat([dir.bytes, Buffer.from(sep), entry.name]);
      if (entry.isDirectory()) {
        if (utf8) stack.push({ path, bytes });
        else problems.push({ path, error: NOT_UTF8_FOLDER, kind: 'folder' });
        continue;
      }
      if (!entry.isFile() || !isReportFile(path)) continue;
      if (!utf8) {
        problems.push({ path, error: NOT_UTF8_NAME, kind: 'file' });
        continue;
      }
      try {
        const s = await lstat(path);
        if (s.isFile()) files.push({ path, size: s.size, mtimeMs: s.mtimeMs });
      } catch (err) {
        // Deleted between listing and lstat: not there. Any other error is the file's own.
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') problems.push({ path, error: listingError(err, 'file'), kind: 'file' });
      }
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/** Every report file under `folder` that can be read (see scanFolder). */
export async function listReportFiles(folder: string): Promise<FoundFile[]> {
  return (await scanFolder(folder)).files;
}

export function isInside(folder: string, path: string): boolean {
  const root = resolve(folder);
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
