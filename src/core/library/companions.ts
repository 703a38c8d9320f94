// A report whose statistical tables sit in an attachment beside its page (正文.html + 附件.xls): every file is read
// on its own, and companions — files in the same folder that belong together — lend each other what one lacks. A
// tables-only attachment takes its agency and year from the page (when neither its text nor its name gives them);
// a page without tables says which companion holds them.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processDocument, type ProcessedDocument } from '../pipeline';
import { MAX_BYTES } from '../read/failure';
import type { ReadOptions } from '../read/types';
import { isReportFile } from './files';

/** A folder with at most this many report files is taken to hold one report and its attachments. */
const SMALL_FOLDER = 6;

const ATTACHMENT_SUFFIX =
  /(?:[\s_\-—:：,，、(（]*(?:附件|附表|统计表|统计数据|数据表|表格|正文|全文|报告)[\s_\-—]*\d*[)）]?)+$/;

/** The part of a file name that a page and its attachments share: `X局2023年报告附件1.xls` → `X局2023年`. */
export function companionBase(fileName: string): string {
  const base = basename(fileName);
  const stem = (base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base).normalize('NFKC');
  return (
    stem
      // A copy or part number after a separator or in brackets (`_2`, `(1)`), never the end of a year.
      .replace(/(?:[\s_\-—]+[(（]?\d{1,2}[)）]?|[(（]\d{1,2}[)）])$/, '')
      .replace(ATTACHMENT_SUFFIX, '')
      .trim()
  );
}

/** The other report files that may be this file's companions. */
export async function companionPaths(path: string): Promise<string[]> {
  const dir = dirname(path);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const self = basename(path);
  const others = names.filter((n) => n !== self && isReportFile(n));
  const base = companionBase(self);
  const kept =
    others.length + 1 <= SMALL_FOLDER
      ? others
      : others.filter((n) => base.length >= 2 && companionBase(n) === base);
  return kept.sort().map((n) => join(dir, n));
}

async function readCompanion(path: string, options: ReadOptions): Promise<ProcessedDocument | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_BYTES) return null;
    return await processDocument(await readFile(path), basename(path), options);
  } catch {
    return null;
  }
}

const sameAgency = (a: string, b: string): boolean => a.includes(b) || b.includes(a);

/**
 * Completes a document from its companions; a document that lacks nothing is returned as it is. `options`: how
 * companions are read (whether scans and page images among them are OCR'd).
 */
export async function withCompanions(
  path: string,
  doc: ProcessedDocument,
  options: Pick<ReadOptions, 'ocr'> = {},
): Promise<ProcessedDocument> {
  const { read, extraction } = doc;
  if (!read.ok || !extraction) return doc;
  const needsMeta = extraction.tables.length > 0 && (!extraction.meta.agency || !extraction.meta.year);
  const needsTables = extraction.tables.length === 0;
  if (!needsMeta && !needsTables) return doc;
  for (const other of await companionPaths(path)) {
    const found = await readCompanion(other, options);
    const meta = found?.extraction?.meta;
    if (!found?.extraction || !meta) continue;
    const name = basename(other);
    // A page and its attachment split one report: one has the prose, the other the tables. A companion with
    // tables of its own is another report, unless it names no other agency.
    const hasTables = found.extraction.tables.length > 0;
    const otherAgency =
      meta.agency && extraction.meta.agency && !sameAgency(meta.agency, extraction.meta.agency);
    if (needsTables && hasTables && !otherAgency) {
      read.warnings.push(`本文件没有统计表，统计表在同目录的附件《${name}》中（tables are in ${name}）`);
      return doc;
    }
    const sameYear = !extraction.meta.year || !meta.year || meta.year === extraction.meta.year;
    if (needsMeta && !hasTables && sameYear && (meta.agency || meta.year)) {
      const filled: string[] = [];
      if (!extraction.meta.agency && meta.agency) {
        extraction.meta.agency = meta.agency;
        filled.push('单位');
      }
      if (!extraction.meta.year && meta.year) {
        extraction.meta.year = meta.year;
        filled.push('年度');
      }
      if (filled.length > 0)
        read.warnings.push(`${filled.join('和')}取自同目录的《${name}》（agency/year taken from ${name}）`);
      if (extraction.meta.agency && extraction.meta.year) return doc;
    }
  }
  return doc;
}
