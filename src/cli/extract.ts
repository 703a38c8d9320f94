// `nianbao extract <files or folders…> --out <dir>`: one prediction JSON per document.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { withCompanions } from '../core/library/companions';
import { processDocument } from '../core/pipeline';
import { toPrediction } from '../core/prediction';

const DOCUMENT = /\.(?:txt|text|htm|html|shtml|xhtml|docx|pdf|doc|wps|xls|xlsx|ofd|png|jpe?g)$/i;

async function collect(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) {
      files.push(p); // reported as unreadable below
    } else if (info.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      for (const e of entries) {
        if (e.isFile() && DOCUMENT.test(e.name)) files.push(join(e.parentPath, e.name));
      }
    } else {
      files.push(p);
    }
  }
  return files.sort();
}

export async function run(args: string[]): Promise<number> {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const inputs = args.filter((_, i) => outIndex < 0 || (i !== outIndex && i !== outIndex + 1));
  if (!out || inputs.length === 0) {
    console.error('用法：npm run cli -- extract <文件或文件夹…> --out <输出文件夹>');
    return 2;
  }
  await mkdir(out, { recursive: true });
  const files = await collect(inputs);
  let done = 0;
  let failed = 0;
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const { read, extraction } = await withCompanions(file, await processDocument(bytes, basename(file)));
      if (!read.ok || !extraction) {
        failed++;
        console.error(`失败 ${file}: ${read.ok ? '未能读取' : read.error}`);
        continue;
      }
      const stem = basename(file, extname(file));
      await writeFile(
        join(out, `${stem}.json`),
        JSON.stringify(toPrediction(basename(file), extraction), null, 1),
      );
      done++;
      const flagged = extraction.review.length;
      console.log(
        `${file}: ${extraction.template} ${extraction.meta.agency ?? '?'} ${extraction.meta.year ?? '?'} · ${extraction.cells.length} 格 · 需审核 ${flagged}`,
      );
    } catch (err) {
      failed++;
      console.error(`失败 ${file}: ${(err as Error).message}`);
    }
  }
  console.log(`完成：${done} 个文件已提取，${failed} 个失败（共 ${files.length}）`);
  return done > 0 || files.length === 0 ? 0 : 1;
}
