import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/core/read';
import type { ReadResult } from '../../../src/core/read/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures/read');
const report001 = readFileSync(join(FIXTURES, 'report-001.txt'), 'utf8');
const report000 = readFileSync(join(FIXTURES, 'report-000.txt'), 'utf8');

const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

function expectText(result: ReadResult, text: string, encoding: string): void {
  if (!result.ok) throw new Error(`expected a text, got ${result.code}: ${result.error}`);
  expect(result.format).toBe('text');
  expect(result.encoding).toBe(encoding);
  expect(result.text.length).toBe(text.length);
  expect(result.text === text).toBe(true);
}

describe('plain text encodings of a real report (001, 15 KB)', () => {
  const encodings: [string, Uint8Array, string][] = [
    ['UTF-8', Buffer.from(report001, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', concat(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(report001, 'utf8')), 'utf-8'],
    ['UTF-16LE with BOM', concat(Buffer.from([0xff, 0xfe]), Buffer.from(report001, 'utf16le')), 'utf-16le'],
    ['UTF-16BE with BOM', concat(Buffer.from([0xfe, 0xff]), utf16be(report001)), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(report001, 'utf16le'), 'utf-16le'],
    ['UTF-16BE without BOM', utf16be(report001), 'utf-16be'],
    ['GB18030', iconv.encode(report001, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(report001, 'gbk'), 'gb18030'],
  ];

  it.each(encodings)('%s decodes to the identical string', async (_name, bytes, encoding) => {
    expectText(await readDocument(bytes, '001.txt'), report001, encoding);
  });

  it('the GBK bytes are real GBK (ICU, a second implementation, reads them the same)', () => {
    const gbk = iconv.encode(report001, 'gbk');
    expect(new TextDecoder('gbk').decode(gbk)).toBe(report001);
    expect(gbk.length).toBeLessThan(Buffer.byteLength(report001, 'utf8'));
  });

  it('keeps Windows line ends of a GBK file saved by Notepad (normalisation happens later)', async () => {
    const crlf = report000.replace(/\n/g, '\r\n');
    expectText(await readDocument(iconv.encode(crlf, 'gbk'), '000.txt'), crlf, 'gb18030');
  });

  it('says in a warning that a file was not UTF-8', async () => {
    const result = await readDocument(iconv.encode(report001, 'gbk'), '001.txt');
    expect(result.ok && result.warnings.some((w) => w.includes('GBK/GB18030'))).toBe(true);
    const utf8 = await readDocument(Buffer.from(report001), '001.txt');
    expect(utf8.ok && utf8.warnings).toEqual([]);
  });
});

describe('short GBK text (where detection is hard)', () => {
  it('reads a 200-character GBK passage', async () => {
    const passage = report001.slice(0, 200);
    expectText(await readDocument(iconv.encode(passage, 'gbk'), 'short.txt'), passage, 'gb18030');
  });

  it('reads every 1- to 6-character GBK window of the report (some are valid UTF-8 by accident)', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const length of [1, 2, 3, 6]) {
      for (let i = 0; i + length <= 1500; i++) {
        const s = report001.slice(i, i + length);
        if (!/[^\p{ASCII}]/u.test(s)) continue;
        tried++;
        const result = await readDocument(iconv.encode(s, 'gbk'), 'w.txt');
        if (!result.ok || result.text !== s) wrong.push(s);
      }
    }
    expect(tried).toBeGreaterThan(4000);
    expect(wrong).toEqual([]);
  });

  it('“路” (C2 B7) and “省” (CA A1) are valid UTF-8 as single characters but are read as GBK', async () => {
    for (const s of ['路', '省', '小区', '路358号']) {
      expectText(await readDocument(iconv.encode(s, 'gbk'), 's.txt'), s, 'gb18030');
    }
  });

  it('keeps short UTF-8 Chinese text as UTF-8', async () => {
    for (const s of ['年报', '一、总体情况', '（七）总计 3']) {
      expectText(await readDocument(Buffer.from(s), 's.txt'), s, 'utf-8');
    }
  });
});

describe('texts that decode with no encoding', () => {
  it('refuses Windows-1252 text as an unknown encoding', async () => {
    const latin = iconv.encode(
      'Rapport annuel: café, résumé, naïveté, façade, Noël. Ça coûte 5 €.',
      'win1252',
    );
    const result = await readDocument(latin, 'report.txt');
    expect(result).toMatchObject({ ok: false, code: 'encoding', format: 'text' });
  });

  it('treats NUL bytes outside UTF-16 as binary', async () => {
    const bytes = concat(Buffer.from(report001.slice(0, 300)), new Uint8Array(40), Buffer.from('尾部'));
    expect(await readDocument(bytes, 'x.txt')).toMatchObject({ ok: false, code: 'binary' });
  });

  it('treats ASCII full of control characters as binary', async () => {
    const bytes = Buffer.from(
      Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 0x01 + (i % 20) : 0x41 + (i % 26))),
    );
    expect(await readDocument(bytes, 'x.txt')).toMatchObject({ ok: false, code: 'binary' });
  });

  it('reads a UTF-8 file cut inside its last character, and says so', async () => {
    const bytes = Buffer.from(report001.slice(0, 500), 'utf8');
    const cut = bytes.subarray(0, bytes.length - 1);
    const result = await readDocument(cut, 'cut.txt');
    expect(result.ok && result.encoding).toBe('utf-8');
    expect(result.ok && result.text).toBe(report001.slice(0, 499));
    expect(result.ok && result.warnings.join()).toContain('不完整的字符');
  });

  it('reads a GBK file cut inside its last character', async () => {
    const bytes = iconv.encode(report001.slice(0, 500), 'gbk');
    const result = await readDocument(bytes.subarray(0, bytes.length - 1), 'cut.txt');
    expect(result.ok && result.encoding).toBe('gb18030');
    expect(result.ok && result.text.startsWith(report001.slice(0, 499))).toBe(true);
  });
});
