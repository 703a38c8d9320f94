// `nianbao import <folder> --db <file>`: imports the folder once and prints a summary.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LibraryProgress, Tally } from '../core/library';
import { importFolder } from '../core/library';
import { openStore, type Store } from '../core/store';

export interface FolderArgs {
  folder: string;
  db: string;
  workers: number | undefined;
}

/** `<folder> --db <file> [--workers n]`; when they are wrong, prints why and returns the exit code. */
export function folderArgs(command: string, args: string[]): FolderArgs | number {
  const usage = `用法 (usage)：npm run cli -- ${command} <文件夹> --db <数据库文件> [--workers <线程数>]`;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string' }, workers: { type: 'string' } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  const [folder, ...rest] = parsed.positionals;
  const workers = parsed.values.workers === undefined ? undefined : Number(parsed.values.workers);
  if (!folder || rest.length > 0 || !parsed.values.db || (workers !== undefined && !(workers >= 0))) {
    console.error(usage);
    return 2;
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`文件夹不存在：${folder} (no such folder)`);
    return 1;
  }
  return { folder, db: parsed.values.db, workers };
}

/** Opens the store, printing a migration or file error instead of throwing. */
export function openOrExplain(file: string): Store | null {
  try {
    return openStore(file);
  } catch (err) {
    console.error(`无法打开数据库 ${file}：${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** One progress line: rewritten in place on a terminal, at most every few seconds otherwise. */
export function progressPrinter(): (p: LibraryProgress) => void {
  const tty = process.stdout.isTTY;
  let last = 0;
  return (p) => {
    const now = Date.now();
    const final = !p.running;
    if (!tty && !final && now - last < 3000) return;
    if (tty && !final && now - last < 100) return;
    last = now;
    const line = `已处理 ${p.done}/${p.total}，失败 ${p.failed} (done/total, failed)`;
    if (tty) process.stdout.write(`\r${line}${final ? '\n' : ''}`);
    else console.log(line);
  };
}

const TALLY_LABELS: [keyof Tally, string][] = [
  ['added', '新增报告 (added)'],
  ['updated', '重新提取 (re-extracted)'],
  ['duplicate', '重复文件 (duplicate)'],
  ['moved', '移动或改名 (moved)'],
  ['failed', '读取失败 (failed)'],
  ['gone', '文件已删除 (missing)'],
  ['unchanged', '内容未变 (unchanged)'],
  ['skipped', '未变，跳过 (skipped)'],
  ['unsaved', '未能保存到数据库 (not stored)'],
  ['unlisted', '无法读取的文件夹 (folders not listed)'],
];

/**
 * The import's exit code: 0 when every file found is in the store (as a report, a failed one included); 1 when
 * files could not be stored (disk full, database locked) or folders could not be listed.
 */
export function importExitCode(tally: Tally): number {
  return tally.unsaved > 0 || tally.unlisted > 0 ? 1 : 0;
}

export function printTally(tally: Tally): void {
  for (const [key, label] of TALLY_LABELS) {
    if (tally[key] > 0) console.log(`  ${String(tally[key]).padStart(7)}  ${label}`);
  }
}

export function printFailures(p: LibraryProgress): void {
  if (p.failures.length === 0) return;
  const more = p.failed - p.failures.length;
  console.log(`读取失败的文件 (failed files)${more > 0 ? `，最近 ${p.failures.length} 个` : ''}：`);
  for (const f of p.failures) console.log(`  ${f.path}\n    ${f.error}`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = folderArgs('import', args);
  if (typeof parsed === 'number') return parsed;
  const db = openOrExplain(parsed.db);
  if (!db) return 1;
  try {
    const result = await importFolder(db, parsed.folder, {
      workers: parsed.workers,
      onProgress: progressPrinter(),
      onWarning: (w) => console.error(w),
    });
    const { done, failed } = result.progress;
    const rate = result.seconds > 0 ? Math.round(done / result.seconds) : done;
    console.log(
      `导入完成 (import finished)：${result.folder}，${done} 个文件，${failed} 个失败，用时 ${result.seconds.toFixed(1)} 秒（${rate} 个/秒）`,
    );
    printTally(result.tally);
    printFailures(result.progress);
    const code = importExitCode(result.tally);
    if (code !== 0)
      console.error(
        `导入未完成：${result.tally.unsaved} 个文件未能保存，${result.tally.unlisted} 个文件夹无法读取 ` +
          `(import incomplete: ${result.tally.unsaved} files not stored, ${result.tally.unlisted} folders not listed)`,
      );
    return code;
  } finally {
    db.close();
  }
}
