// Real report files in temporary folders, and waiting for the watcher.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPORTS = join(import.meta.dirname, '../../fixtures/reports');

/** The text of a real published report (test/fixtures/reports): 000 (2021 format), 001 (2019), 002 (legacy). */
export function realReport(stem: '000' | '001' | '002' | '003' | '004'): string {
  const names: Record<string, string> = {
    '000': '000_a3f0cc370b290d87.txt',
    '001': '001_cba15cde576bc8e7.txt',
    '002': '002_16dca761f14228ce.txt',
    '003': '003_81dd061a659bf16a.txt',
    '004': '004_20668ad12bb1064e.txt',
  };
  return readFileSync(join(REPORTS, names[stem]!), 'utf8');
}

/** Report 001 with its first table row changed: `n` new requests from natural persons instead of 3. */
export function report001WithNewRequests(n: number): string {
  const text = realReport('001');
  const row = '一、本年新收政府信息公开申请数量 | 3 |';
  if (!text.includes(row)) throw new Error('fixture changed: row not found');
  return text.replace(row, `一、本年新收政府信息公开申请数量 | ${n} |`);
}

/** A distinct file with the same tables: the copy number goes into the closing line of the prose. */
export function variant(text: string, n: number): string {
  const numeral = String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
  return `${text}\n（本文件为测试副本之${numeral}）\n`;
}

export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
