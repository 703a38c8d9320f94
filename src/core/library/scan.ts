// Bringing the store in step with a folder: files deleted while nothing watched are marked missing, files whose size,
// time and extractor version are unchanged are skipped unread, the rest are queued.
import { resolve } from 'node:path';
import { EXTRACTOR_VERSION } from '../extract/version';
import type { Store } from '../store/open';
import { knownPaths, presentPathsUnder } from '../store/save';
import { listReportFiles } from './files';
import type { Importer } from './importer';

export async function reconcile(
  db: Store,
  importer: Importer,
  folder: string,
  version = EXTRACTOR_VERSION,
): Promise<void> {
  const root = resolve(folder);
  const files = await listReportFiles(root);
  const seen = new Set(files.map((f) => f.path));
  importer.remove(presentPathsUnder(db, root).filter((p) => !seen.has(p)));
  const known = knownPaths(db);
  const toRead: string[] = [];
  let unchanged = 0;
  for (const f of files) {
    const k = known.get(f.path);
    if (k?.present && k.size === f.size && k.mtimeMs === f.mtimeMs && k.parserVersion >= version) unchanged++;
    else toRead.push(f.path);
  }
  importer.skip(unchanged);
  importer.add(toRead);
}
