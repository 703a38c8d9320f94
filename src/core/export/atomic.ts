// A written file is complete or absent: every file is written under a temporary name beside its target and
// renamed only when all files of the export are complete; on failure the temporary files are removed.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export class TempFiles {
  private readonly pending: { temp: string; target: string }[] = [];

  /** Temporary name for `target`, in the same folder so that the rename stays on one file system. */
  reserve(target: string): string {
    const temp = path.join(path.dirname(target), `${path.basename(target)}.tmp-${process.pid}`);
    this.pending.push({ temp, target });
    return temp;
  }

  async commit(): Promise<void> {
    for (const { temp, target } of this.pending) await fs.rename(temp, target);
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
  }
}
