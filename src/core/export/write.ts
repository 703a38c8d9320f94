// Writes the chosen shapes of an ExportSource in one format: plans the file names, writes every file under a
// temporary name, and renames them all only when every file is complete.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from './atomic';
import { writeCsv } from './csv';
import { writeJson } from './json';
import { sheetsOf } from './shapes';
import { writeXlsx, type XlsxOptions } from './xlsx';
import {
  ExportError,
  type ExportFilters,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
  type ExportShape,
  type ExportSource,
  type Sheet,
  type WrittenFile,
} from './types';

export interface WriteOptions extends Omit<ExportOptions, keyof ExportFilters> {
  /** Add a status column (the source holds reports of any status). */
  withStatus: boolean;
  xlsx?: XlsxOptions;
}

const NEEDS_REPORTS: readonly ExportShape[] = ['long', 'wide', 'reports', 'harmonised'];

export async function writeExport(
  source: ExportSource,
  options: WriteOptions,
  onProgress: ExportProgress = () => undefined,
): Promise<ExportResult> {
  const shapes = options.shapes?.length ? [...new Set(options.shapes)] : (['long'] as ExportShape[]);
  const reports = source.count();
  if (reports === 0 && shapes.some((s) => NEEDS_REPORTS.includes(s))) {
    throw new ExportError(
      options.withStatus
        ? '没有符合条件的报告。(No report matches the filters.)'
        : '没有符合条件的已核验报告（默认只导出已核验的报告，可选择导出全部）。(No verified report matches the filters.)',
    );
  }
  let done = 0;
  let total = 0;
  const planned = sheetsOf(shapes, source, {
    withStatus: options.withStatus,
    tick: () => onProgress(++done, total),
  });
  total = planned.reduce((sum, p) => sum + p.ticks, 0);
  const sheets = planned.flatMap((p) => p.sheets);
  if (sheets.length === 0) throw new ExportError('所选内容没有可写的表。Nothing to write for these shapes.');

  const files = await writeAtomically(async (temp) => {
    if (options.format === 'xlsx') {
      const target = await xlsxTarget(options.out, shapes);
      const written = await writeXlsx(temp.reserve(target), sheets, options.xlsx);
      return [{ path: target, sheets: written }];
    }
    const targets = await textTargets(options.out, options.format, sheets);
    const write = options.format === 'csv' ? writeCsv : writeJson;
    const out: WrittenFile[] = [];
    for (const [i, sheet] of sheets.entries()) {
      const target = targets[i] as string;
      const rows = await write(temp.reserve(target), sheet);
      out.push({ path: target, sheets: [{ name: sheet.name, rows }] });
    }
    return out;
  });
  const rows = files.reduce((sum, f) => sum + f.sheets.reduce((s, x) => s + x.rows, 0), 0);
  return { files, reports, rows };
}

async function xlsxTarget(out: string, shapes: readonly ExportShape[]): Promise<string> {
  if (/\.xlsx$/i.test(out)) {
    await ensureFolder(path.dirname(out));
    return out;
  }
  await ensureFolder(out);
  return path.join(out, `nianbao-${shapes.length === 1 ? shapes[0] : 'export'}.xlsx`);
}

async function textTargets(out: string, format: 'csv' | 'json', sheets: readonly Sheet[]): Promise<string[]> {
  const ext = `.${format}`;
  if (out.toLowerCase().endsWith(ext)) {
    await ensureFolder(path.dirname(out));
    if (sheets.length === 1) return [out];
    const stem = out.slice(0, -ext.length);
    return sheets.map((s) => `${stem}-${s.name}${ext}`);
  }
  await ensureFolder(out);
  return sheets.map((s) => path.join(out, `${s.name}${ext}`));
}

async function ensureFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw new ExportError(`无法创建输出文件夹 ${folder}：${(error as Error).message}`);
  }
}
