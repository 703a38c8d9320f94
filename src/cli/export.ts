// `nianbao export --db <file> --out <dir or file> [--format csv|xlsx|json] [--shape …] [--all] [--year …]
// [--template …] [--agency …]`: writes verified datasets (README.md (Exporting datasets)).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportDataset, EXPORT_FORMATS, EXPORT_SHAPES, ExportError } from '../core/export';
import type { ExportFormat, ExportOptions, ExportShape } from '../core/export';
import { TEMPLATE_IDS } from '../core/fields';
import { openStore, type Store } from '../core/store';
import type { TemplateId } from '../shared/types';

export const EXPORT_USAGE = `用法 (usage): npm run cli -- export --db <数据库文件> --out <文件夹或文件> [选项]
  --format csv|xlsx|json    格式，默认按 --out 的扩展名，否则 csv
  --shape <形状>            long|wide|reports|codebook|harmonised|checks|gaps|all，可重复或用逗号分隔，默认 long
  --all                     导出全部报告（加 status 列）；默认只导出已核验 (verified) 的报告
  --year <年份>             报告年度，可重复或用逗号分隔
  --template <格式>         2021|2019|legacy，可重复或用逗号分隔
  --agency <文字>           机关名称包含此文字
说明见 README.md (Exporting datasets)`;

class UsageError extends Error {}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Options and database path from the command line; throws UsageError with a Chinese message. */
export function parseExportArgs(args: string[]): { db: string; options: ExportOptions } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        shape: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        year: { type: 'string', multiple: true },
        template: { type: 'string', multiple: true },
        agency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`参数错误：${(error as Error).message}`);
  }
  if (values.help) throw new UsageError('');
  if (!values.db) throw new UsageError('缺少 --db <数据库文件>');
  if (!values.out) throw new UsageError('缺少 --out <文件夹或文件>');

  const extension = path.extname(values.out).slice(1).toLowerCase();
  const format = (values.format ??
    (EXPORT_FORMATS.includes(extension as ExportFormat) ? extension : 'csv')) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new UsageError(`未知格式 --format ${format}（可选 csv、xlsx、json）`);
  if (EXPORT_FORMATS.includes(extension as ExportFormat) && extension !== format) {
    throw new UsageError(`--out 的扩展名 .${extension} 与 --format ${format} 不一致`);
  }

  const shapeNames = list(values.shape);
  const shapes = shapeNames.includes('all') ? [...EXPORT_SHAPES] : (shapeNames as ExportShape[]);
  const badShape = shapes.find((s) => !EXPORT_SHAPES.includes(s));
  if (badShape) throw new UsageError(`未知形状 --shape ${badShape}（可选 ${EXPORT_SHAPES.join('、')}、all）`);

  const years = list(values.year).map((y) => {
    if (!/^\d{4}$/.test(y)) throw new UsageError(`年份无效 --year ${y}（应为四位数字，如 2020）`);
    return Number(y);
  });
  const templates = list(values.template) as TemplateId[];
  const badTemplate = templates.find((t) => !TEMPLATE_IDS.includes(t));
  if (badTemplate) throw new UsageError(`未知格式 --template ${badTemplate}（可选 2021、2019、legacy）`);

  return {
    db: values.db,
    options: {
      format,
      out: values.out,
      shapes: shapes.length ? shapes : ['long'],
      includeAll: values.all === true,
      years,
      templates,
      ...(values.agency ? { agency: values.agency } : {}),
    },
  };
}

function progressPrinter(): (done: number, total: number) => void {
  let shown = -1;
  let last = 0;
  return (done, total) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    const now = Date.now();
    if (percent === shown || (now - last < 500 && done !== total)) return;
    shown = percent;
    last = now;
    const line = `导出中 ${done}/${total}（${percent}%）`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseExportArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(EXPORT_USAGE);
    return error.message ? 2 : 0;
  }
  if (!existsSync(parsed.db)) {
    console.error(`错误：数据库文件不存在：${parsed.db} (database not found)`);
    return 1;
  }
  let db: Store;
  try {
    db = openStore(parsed.db);
  } catch (error) {
    console.error(`错误：无法打开数据库 ${parsed.db}：${(error as Error).message}`);
    return 1;
  }
  const started = Date.now();
  try {
    const result = await exportDataset(db, parsed.options, progressPrinter());
    for (const file of result.files) {
      const sheets = file.sheets.map((s) => `${s.name} ${s.rows} 行`).join('，');
      console.log(`已写入 ${file.path}（${sheets}）`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `完成：${result.reports} 份报告，${result.rows} 行，${result.files.length} 个文件，${seconds} 秒`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportError) {
      console.error(`错误：${error.message}`);
      return 1;
    }
    console.error(`错误：导出失败，未写入任何文件：${(error as Error).message}`);
    return 1;
  } finally {
    db.close();
  }
}
