// `nianbao watch <folder> --db <file>`: imports the folder, then keeps the store in step with it until Ctrl+C.
import { watchFolder } from '../core/library';
import { folderArgs, openOrExplain, printFailures, progressPrinter } from './import';

export async function run(args: string[]): Promise<number> {
  const parsed = folderArgs('watch', args);
  if (typeof parsed === 'number') return parsed;
  const db = openOrExplain(parsed.db);
  if (!db) return 1;
  const printProgress = progressPrinter();
  const watcher = watchFolder(db, parsed.folder, {
    workers: parsed.workers,
    onProgress: printProgress,
    onWarning: (w) => console.error(w),
    onError: (e) => console.error(`监视出错 (watch error)：${e.message}`),
    onChange: (ids) =>
      console.log(`${new Date().toLocaleTimeString('zh-CN')} 已更新 ${ids.length} 份报告 (reports changed)`),
  });
  try {
    await watcher.ready;
  } catch (err) {
    await watcher.close();
    db.close();
    console.error(`无法监视 ${parsed.folder}：${(err as Error).message}`);
    return 1;
  }
  console.log(`正在监视 ${watcher.folder}，按 Ctrl+C 结束 (watching; Ctrl+C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  const progress = watcher.progress();
  db.close();
  console.log(`\n已停止监视 (stopped)：共处理 ${progress.done} 个文件，${progress.failed} 个失败`);
  printFailures(progress);
  return 0;
}
