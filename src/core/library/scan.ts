// Bringing the store in step with a folder: files deleted while nothing watched are marked missing, files whose size,
// time and extractor version are unchanged are skipped unread, the rest are queued; files and folders that cannot be
// listed each get their own error.
import { resolve } from 'node:path';
import { EXTRACTOR_VERSION } from '../extract/version';
import type { Store } from '../store/open';
import { knownPaths, presentPathsUnder } from '../store/save';
import { isInside, scanFolder } from './files';
import type { Importer } from './importer';

export async function reconcile(
  db: Store,
  importer: Importer,
  folder: string,
  version = EXTRACTOR_VERSION,
): Promise<void> {
  const root = resolve(folder);
  const { files, problems } = await scanFolder(root);
  const seen = new Set(files.map((f) => f.path));
  // A file inside a folder that could not be listed is not known to be gone.
  const unlisted = problems.filter((p) => p.kind === 'folder').map((p) => p.path);
  for (const p of problems) seen.add(p.path);
  importer.remove(
    presentPathsUnder(db, root).filter((p) => !seen.has(p) && !unlisted.some((d) => isInside(d, p))),
  );
  importer.refuse(problems);
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
