import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/core/read';
import type { ReadResult } from '../../../src/core/read/types';

import { imageOnlyPdf } from './pdf-builder';

/** A real 2×2 PNG: signature, IHDR, IDAT, IEND with their CRCs. */
function png(): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Deterministic noise (xorshift32), so a failure can be reproduced. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** An OLE2 compound file header (as .doc/.xls/.wps and password-protected .docx start) with nothing behind it. */
function ole2(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  return bytes;
}

function expectOneLineMessage(result: ReadResult): void {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error).not.toMatch(/[\r\n]/);
  expect(result.error).toMatch(/^[\u4e00-\u9fff].*（[^（）]*[A-Za-z][^（）]*）$/u);
}

describe('files the reader refuses, each with a one-line Chinese-first message', () => {
  it('a broken PDF, an encrypted PDF and a PDF of page images', async () => {
    const pdf = (name: string): Buffer =>
      readFileSync(join(import.meta.dirname, '../../fixtures/read/pdf', name));
    const broken = await readDocument(pdf('truncated.pdf'), 'truncated.pdf');
    expect(broken).toMatchObject({ ok: false, format: 'pdf', code: 'corrupt' });
    expectOneLineMessage(broken);
    const encrypted = await readDocument(pdf('encrypted.pdf'), 'encrypted.pdf');
    expect(encrypted).toMatchObject({ ok: false, format: 'pdf', code: 'encrypted' });
    expectOneLineMessage(encrypted);
    // A scan goes to OCR (this one's page is one gray block); with OCR off, the reviewer is told it is off.
    const scan = await readDocument(imageOnlyPdf(), 'scan.pdf');
    expect(scan).toMatchObject({ ok: true, format: 'pdf', ocr: { doubtful: [{ start: 0 }] } });
    const off = await readDocument(imageOnlyPdf(), 'scan.pdf', { ocr: false });
    expect(off).toMatchObject({ ok: false, format: 'pdf', code: 'ocr_off' });
    expect(!off.ok && off.error).toMatch(/^未启用文字识别（OCR）：该 PDF 为扫描件/);
    expectOneLineMessage(off);
  });

  it('a broken OLE2 file (a header and nothing else) under any name', async () => {
    for (const name of ['年报.doc', '年报.docx', '年报.wps', '统计表.xls']) {
      const result = await readDocument(ole2(), name);
      expect(result).toMatchObject({ ok: false, code: 'corrupt' });
      expect(!result.ok && result.error).toContain('已损坏或不完整');
      expectOneLineMessage(result);
    }
  });

  it('an image without text, and any image when OCR is turned off', async () => {
    const result = await readDocument(png(), '年报截图.png');
    expect(result).toMatchObject({ ok: false, format: 'image', code: 'empty' });
    expect(!result.ok && result.error).toContain('文字识别');
    expectOneLineMessage(result);
    const off = await readDocument(png(), '年报截图.png', { ocr: false });
    expect(off).toMatchObject({ ok: false, format: 'image', code: 'ocr_off' });
    expect(!off.ok && off.error).toMatch(/^未启用文字识别（OCR）/);
    expectOneLineMessage(off);
  });

  it('random bytes, short and long', async () => {
    for (const [length, seed] of [
      [16, 1],
      [300, 2],
      [65_536, 3],
      [1_000_000, 4],
    ] as const) {
      const result = await readDocument(noise(length, seed), 'noise.txt');
      expect(result.ok).toBe(false);
      expect(!result.ok && ['binary', 'encoding']).toContain(!result.ok && result.code);
      expectOneLineMessage(result);
    }
  });

  it('an empty file and a file of only spaces and line ends', async () => {
    const empty = await readDocument(new Uint8Array(0), 'empty.txt');
    expect(empty).toMatchObject({ ok: false, code: 'empty' });
    expectOneLineMessage(empty);
    const blank = await readDocument(Buffer.from(' \r\n\t\u3000\u00a0\n', 'utf8'), 'blank.txt');
    expect(blank).toMatchObject({ ok: false, code: 'empty', format: 'text' });
  });

  it('a file over 50 MB, refused before it is decoded', async () => {
    const huge = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x41);
    const result = await readDocument(huge, 'huge.txt');
    expect(result).toMatchObject({ ok: false, code: 'too_large' });
    expectOneLineMessage(result);
    const limit = await readDocument(new Uint8Array(50 * 1024 * 1024).fill(0x41), 'limit.txt');
    expect(limit.ok).toBe(true);
  });

  it('RTF and MHT web archives', async () => {
    const rtf = await readDocument(
      Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} 年报}'),
      '年报.rtf',
    );
    expect(rtf).toMatchObject({ ok: false, code: 'unsupported' });
    expectOneLineMessage(rtf);
    const mht = Buffer.from(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n',
    );
    expect(await readDocument(mht, '年报.mht')).toMatchObject({ ok: false, code: 'unsupported' });
  });
});

describe('the reader never throws', () => {
  it('returns a result for any bytes under any name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('a.txt', 'a.html', 'a.docx', 'a.doc', 'a.pdf', 'a'),
        async (bytes, name) => {
          const result = await readDocument(bytes, name);
          if (result.ok) expect(typeof result.text).toBe('string');
          else expectOneLineMessage(result);
        },
      ),
      { numRuns: 300, seed: 20260101 },
    );
  });

  it('returns a result for any markup-like text', async () => {
    const token = fc.constantFrom(
      '<table>', '</table>', '<tr>', '</tr>', '<td>', '<td colspan="3">', '<td rowspan="2">', '</td>', '<th>',
      '<p>', '</p>', '<br>', '<div>', '</div>', '<script>', '</script>', '<!--', '-->', '&nbsp;', '&#x4e2d;',
      '一、本年新收', '0', '3', ' | ', '\n', '<', '>', '"', '<td rowspan="0">', '<caption>', '<pre>', '</pre>',
    ); // prettier-ignore
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 200 }), async (tokens) => {
        const result = await readDocument(Buffer.from(`<html>${tokens.join('')}`), 'x.html');
        if (!result.ok) return void expect(result.code).toBe('empty');
        for (const [t, source] of (result.tableSources ?? []).entries())
          for (const cell of source.cells)
            expect(result.text.slice(cell.span.start, cell.span.end)).toBe(
              result.tables[t]![cell.row]![cell.col],
            );
      }),
      { numRuns: 500, seed: 20260102 },
    );
  });
});
