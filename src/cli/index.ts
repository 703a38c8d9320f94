// The `nianbao` command line: npm run cli -- <command> …
const COMMANDS: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  extract: () => import('./extract'),
  export: () => import('./export'),
  import: () => import('./import'),
  watch: () => import('./watch'),
  status: () => import('./status'),
  coverage: () => import('./coverage'),
};

const HELP = `用法 (usage): npm run cli -- <命令> …
  extract <文件或文件夹…> --out <文件夹>   提取表格，每个文件写一个预测 JSON
  import <文件夹> --db <文件>              导入一次并打印汇总
  watch <文件夹> --db <文件>               持续监视文件夹
  status --db <文件>                       按状态和格式统计报告，跨报告检查结果
  coverage --db <文件> [--year …]          机关 × 年度覆盖情况，写出缺报清单
  export --db <文件> --out <路径> …         导出已核验的数据集`;

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const load = command ? COMMANDS[command] : undefined;
  if (!load) {
    console.log(HELP);
    return command ? 2 : 0;
  }
  const module = await load();
  return module.run(args);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
