// Which files in the watched folder are reports, and listing them.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';

/** Extensions the reader understands or names in a clear failure (.doc, .wps, .pdf). */
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

/** Every report file under `folder`, recursively, with absolute paths, sorted. Symbolic links are not followed. */
export async function listReportFiles(folder: string): Promise<FoundFile[]> {
  const root = resolve(folder);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => isReportFile(p) && !inIgnoredFolder(root, p))
    .sort();
  const found: FoundFile[] = [];
  for (const path of paths) {
    try {
      const s = await stat(path);
      found.push({ path, size: s.size, mtimeMs: s.mtimeMs });
    } catch {
      // Deleted between listing and stat: not there.
    }
  }
  return found;
}

export function isInside(folder: string, path: string): boolean {
  const root = resolve(folder);
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
