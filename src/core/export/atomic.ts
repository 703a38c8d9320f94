// A written file is complete or absent: every file is written under a temporary name beside its target and
// renamed only when all files of the export are complete; on failure the temporary files are removed. The renames
// of one export are all or nothing too: an existing target is first set aside as `<name>.bak-<pid>`, and when a
// later rename fails, the targets already replaced get their earlier content back. Temporary and set-aside files
// left by an export that was killed (its process is gone) are removed by the next export to the same names.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ExportError } from './types';

const LEFTOVER = /^(.*)\.(?:tmp|bak)-(\d+)$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** Removes `<target>.tmp-<pid>` and `<target>.bak-<pid>` files beside the targets whose process is gone. */
export async function removeLeftovers(targets: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  const byFolder = new Map<string, Set<string>>();
  for (const t of targets) {
    const names = byFolder.get(path.dirname(t)) ?? new Set<string>();
    names.add(path.basename(t));
    byFolder.set(path.dirname(t), names);
  }
  for (const [folder, names] of byFolder) {
    let entries: string[];
    try {
      entries = await fs.readdir(folder);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const m = LEFTOVER.exec(entry);
      if (!m || !names.has(m[1]!) || processAlive(Number(m[2]))) continue;
      const leftover = path.join(folder, entry);
      // A set-aside file whose target is gone is the only copy of that target: put it back rather than delete it.
      if (entry.includes('.bak-')) {
        const target = path.join(folder, m[1]!);
        const restored = await fs
          .access(target)
          .then(() => false)
          .catch(() =>
            fs.rename(leftover, target).then(
              () => true,
              () => false,
            ),
          );
        if (restored) continue;
      }
      await fs.rm(leftover, { force: true }).then(
        () => removed.push(leftover),
        () => undefined,
      );
    }
  }
  return removed;
}

async function isFile(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

export class TempFiles {
  private readonly pending: { temp: string; target: string }[] = [];
  /** Every target reserved, kept after commit and discard (to sweep leftovers beside them). */
  readonly targets: string[] = [];

  /** Temporary name for `target`, in the same folder so that the rename stays on one file system. */
  reserve(target: string): string {
    const temp = path.join(path.dirname(target), `${path.basename(target)}.tmp-${process.pid}`);
    this.pending.push({ temp, target });
    this.targets.push(target);
    return temp;
  }

  /**
   * Renames every temporary file onto its target, or none: on a failure the targets replaced so far are put back
   * as they were and ExportError says so; if one cannot be put back, the error names the files that changed.
   */
  async commit(): Promise<void> {
    const done: { target: string; aside: string | null }[] = [];
    const unrestored: string[] = [];
    try {
      for (const { temp, target } of this.pending) {
        // Only a regular file is set aside; anything else in the way (a folder) makes the rename fail.
        const aside = (await isFile(target)) ? `${target}.bak-${process.pid}` : null;
        if (aside) await fs.rename(target, aside);
        try {
          await fs.rename(temp, target);
        } catch (error) {
          if (aside) await fs.rename(aside, target).catch(() => unrestored.push(target));
          throw error;
        }
        done.push({ target, aside });
      }
    } catch (error) {
      const changed = [...unrestored];
      for (const { target, aside } of done.reverse()) {
        try {
          if (aside) await fs.rename(aside, target);
          else await fs.rm(target, { force: true });
        } catch {
          changed.push(target);
        }
      }
      const detail = (error as Error).message;
      if (changed.length === 0)
        throw new ExportError(
          `改名失败：${detail}。已恢复原有文件，未写入任何文件。(rename failed; earlier files restored, no file written)`,
        );
      throw new ExportError(
        `改名失败：${detail}。以下 ${changed.length} 个文件已被改动且无法恢复：${changed.join('、')} ` +
          `(rename failed; these files were changed and could not be restored)`,
      );
    }
    await Promise.all(done.filter((d) => d.aside).map((d) => fs.rm(d.aside!, { force: true })));
    this.pending.length = 0;
  }

  async discard(): Promise<void> {
    await Promise.all(this.pending.map(({ temp }) => fs.rm(temp, { force: true })));
    this.pending.length = 0;
  }
}

/** Runs `write` with a TempFiles; renames its files when `write` succeeds, removes them when it throws. */
export async function writeAtomically<T>(write: (temp: TempFiles) => Promise<T>): Promise<T> {
  const temp = new TempFiles();
  try {
    const result = await write(temp);
    await temp.commit();
    return result;
  } catch (error) {
    await temp.discard();
    throw error;
  } finally {
    await removeLeftovers(temp.targets);
  }
}
