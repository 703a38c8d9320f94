import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool, type ReadOutcome } from '../../../src/core/library/pool';
import { tempDir } from '../store/helpers';
import { realReport, variant } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir('nianbao-pool-')));
afterEach(() => tmp.cleanup());

const entry = {
  url: new URL('./misbehaving-worker.ts', import.meta.url),
  execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
};

const errorOf = (o: ReadOutcome): string | null | undefined =>
  o.kind === 'file' ? o.file.content?.error : undefined;

describe('WorkerPool', () => {
  it('fails only the file whose extraction hangs or crashes, and carries on with the others', async () => {
    const write = (name: string, text: string): string => {
      const path = join(tmp.dir, name);
      writeFileSync(path, text);
      return path;
    };
    const good = [0, 1, 2, 3, 4, 5].map((i) => write(`good-${i}.txt`, variant(realReport('001'), i)));
    const hang = write('hang.txt', 'HANG forever');
    const crash = write('crash.txt', 'CRASH now');
    const pool = new WorkerPool(1, entry, { size: 2, hangMs: 2000 });
    try {
      const outcomes = await Promise.all([hang, ...good, crash].map((p) => pool.read(p, () => false)));
      const [hung, ...rest] = outcomes;
      const crashed = rest.pop()!;
      expect(errorOf(hung!)).toMatch(/处理超时/);
      expect(errorOf(crashed)).toMatch(/工作线程退出（代码 3）/);
      for (const o of rest) {
        expect(o.kind).toBe('file');
        if (o.kind === 'file') expect(o.file.content?.extraction?.template).toBe('2019');
      }
      // The pool still works afterwards.
      const again = await pool.read(good[0]!, () => true);
      expect(again).toMatchObject({ kind: 'file', file: { content: null } });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reports a deleted file as gone', async () => {
    const pool = new WorkerPool(1, entry, { size: 1 });
    try {
      expect(await pool.read(join(tmp.dir, 'nothing.txt'), () => false)).toEqual({
        kind: 'gone',
        path: join(tmp.dir, 'nothing.txt'),
      });
    } finally {
      await pool.close();
    }
  });
});
