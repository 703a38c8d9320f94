// Bad Office input: encrypted, broken, zip bombs, huge sheets. Each is one clear per-file failure, in bounded time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { CFB } from '@e965/xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/core/read';
import type { ReadResult } from '../../../src/core/read/types';

const OFFICE = join(import.meta.dirname, '../../fixtures/read/office');
const doc = readFileSync(join(OFFICE, 'report-001-2019.doc'));
const xls = readFileSync(join(OFFICE, 'h_jjp_2024-tables.xls'));
const xlsx = readFileSync(join(OFFICE, 'report-000-2021-tables.xlsx'));

interface CfbEntry {
  content: Buffer;
  size: number;
}

/** The same compound file with one stream changed. */
function withStream(bytes: Uint8Array, name: string, edit: (content: Buffer) => Buffer): Uint8Array {
  const cfb = CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const entry = CFB.find(cfb, name) as CfbEntry;
  entry.content = edit(Buffer.from(entry.content));
  entry.size = entry.content.length;
  return CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

function compoundFile(streams: Record<string, Buffer>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, content);
  return CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

function biffRecord(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

/** A zip written by hand, so that a test can make it lie about sizes. */
function zipOf(entries: { name: string; data: Buffer; deflate?: boolean; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = e.deflate === false ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate === false ? 0 : 8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.deflate === false ? 0 : 8, 10);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const WORKBOOK_XML =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>';

async function timed(bytes: Uint8Array, name: string): Promise<{ result: ReadResult; ms: number }> {
  const start = performance.now();
  const result = await readDocument(bytes, name);
  return { result, ms: performance.now() - start };
}

function failure(result: ReadResult): { code: string; error: string; format: string } {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error).not.toMatch(/[\r\n]/);
  expect(result.error).toMatch(/^[\u4e00-\u9fff].*（[^（）]*[A-Za-z][^（）]*）$/u);
  return result;
}

describe('password-protected Office files', () => {
  it('a .doc whose FIB says it is encrypted', async () => {
    const encrypted = withStream(doc, 'WordDocument', (c) => {
      c.writeUInt16LE(c.readUInt16LE(0x0a) | 0x0100, 0x0a);
      return c;
    });
    const f = failure(await readDocument(encrypted, '年报.doc'));
    expect(f).toMatchObject({ code: 'unsupported', format: 'doc' });
    expect(f.error).toMatch(/^文件已加密/);
  });

  it('an .xls whose workbook stream has a FILEPASS record', async () => {
    const encrypted = withStream(xls, 'Workbook', (c) => {
      const bofLength = 4 + c.readUInt16LE(2);
      const filepass = biffRecord(0x002f, Buffer.from([1, 0, 1, 0, 1, 0]));
      return Buffer.concat([c.subarray(0, bofLength), filepass, c.subarray(bofLength)]);
    });
    const f = failure(await readDocument(encrypted, '统计表.xls'));
    expect(f).toMatchObject({ code: 'unsupported', format: 'xls' });
    expect(f.error).toMatch(/^文件已加密/);
  });

  it('a password-protected .docx or .xlsx (an OLE2 wrapper around the encrypted package)', async () => {
    const wrapper = compoundFile({
      EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
      EncryptedPackage: Buffer.alloc(8192, 0x5a),
    });
    for (const name of ['年报.docx', '统计表.xlsx'])
      expect(failure(await readDocument(wrapper, name)).error).toMatch(/^文件已加密/);
  });
});

describe('broken and unexpected OLE2 files', () => {
  it('cut-off .doc and .xls files', async () => {
    for (const [bytes, name] of [
      [doc, '年报.doc'],
      [xls, '统计表.xls'],
    ] as const) {
      for (const keep of [600, 4096, Math.floor(bytes.length / 2)]) {
        const { result, ms } = await timed(bytes.subarray(0, keep), name);
        expect(failure(result).code).toBe('corrupt');
        expect(ms).toBeLessThan(2000);
      }
    }
  });

  it('a Word 95 document and a PowerPoint file are refused by name', async () => {
    const word95 = withStream(doc, 'WordDocument', (c) => {
      c.writeUInt16LE(0x65, 2);
      return c;
    });
    expect(failure(await readDocument(word95, '旧.doc')).error).toContain('Word 95');
    const ppt = compoundFile({ 'PowerPoint Document': Buffer.alloc(5000, 1) });
    expect(failure(await readDocument(ppt, '演示.ppt')).error).toContain('PowerPoint');
  });

  it('damaged bytes anywhere: always a result, never a throw, each within two seconds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          { bytes: doc, name: 'a.doc' },
          { bytes: xls, name: 'a.xls' },
          { bytes: xlsx, name: 'a.xlsx' },
        ),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }),
        async ({ bytes, name }, edits) => {
          const damaged = Buffer.from(bytes);
          for (const [at, value] of edits) damaged[at % damaged.length] = value;
          const { result, ms } = await timed(damaged, name);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) failure(result);
          expect(ms).toBeLessThan(2000);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });
});

describe('zip bombs and huge sheets', () => {
  const spaces = Buffer.alloc(100 * 1024 * 1024, 0x20);

  it('an .xlsx whose sheet unpacks to 100 MB is refused unread', async () => {
    const bytes = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK_XML) },
      { name: 'xl/worksheets/sheet1.xml', data: spaces },
    ]);
    expect(bytes.length).toBeLessThan(200_000);
    const { result, ms } = await timed(bytes, '统计表.xlsx');
    const f = failure(result);
    expect(f).toMatchObject({ code: 'too_large', format: 'xlsx' });
    expect(f.error).toContain('压缩炸弹');
    expect(ms).toBeLessThan(3000);
  });

  it('a zip that claims small sizes but unpacks to 100 MB (.xlsx and .docx)', async () => {
    for (const [inner, name] of [
      ['xl/worksheets/sheet1.xml', '统计表.xlsx'],
      ['word/document.xml', '年报.docx'],
    ] as const) {
      const bytes = zipOf([
        {
          name: inner.startsWith('xl') ? 'xl/workbook.xml' : '[Content_Types].xml',
          data: Buffer.from('<x/>'),
        },
        { name: inner, data: spaces, claimedSize: 1000 },
      ]);
      const { result, ms } = await timed(bytes, name);
      expect(failure(result)).toMatchObject({ code: 'too_large' });
      expect(failure(result).error).toContain('压缩炸弹');
      expect(ms).toBeLessThan(3000);
    }
  });

  it('an .xlsx with 250,000 cells', async () => {
    const cells: string[] = [];
    for (let r = 1; r <= 2500; r++) {
      const row: string[] = [];
      for (let c = 0; c < 100; c++) row.push(`<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>1</v></c>`);
      cells.push(`<row r="${r}">${row.join('')}</row>`);
    }
    const z = new JSZip();
    z.file('xl/workbook.xml', WORKBOOK_XML);
    z.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${cells.join('')}</sheetData></worksheet>`);
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { result, ms } = await timed(bytes, '统计表.xlsx');
    expect(failure(result)).toMatchObject({ code: 'too_large', format: 'xlsx' });
    expect(failure(result).error).toContain('200000 个单元格');
    expect(ms).toBeLessThan(3000);
  });

  it('an .xlsx with 250,000 shared strings and no cells', async () => {
    const z = new JSZip();
    z.file('xl/workbook.xml', WORKBOOK_XML);
    z.file('xl/sharedStrings.xml', `<sst>${'<si><t>字</t></si>'.repeat(250_000)}</sst>`);
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { result, ms } = await timed(bytes, '统计表.xlsx');
    expect(failure(result).error).toContain('200000 个单元格');
    expect(ms).toBeLessThan(3000);
  });

  it('an .xls with 250,000 cells (MULRK records in its sheet)', async () => {
    const big = withStream(xls, 'Workbook', (c) => {
      const rk = Buffer.alloc(6 + 6 * 1000 + 2);
      const records: Buffer[] = [];
      for (let row = 0; row < 250; row++) {
        rk.writeUInt16LE(row, 0);
        records.push(biffRecord(0x00bd, Buffer.from(rk)));
      }
      const lastEof = c.length - 4; // the sheet substream's EOF record
      return Buffer.concat([c.subarray(0, lastEof), ...records, c.subarray(lastEof)]);
    });
    const { result, ms } = await timed(big, '统计表.xls');
    expect(failure(result)).toMatchObject({ code: 'too_large', format: 'xls' });
    expect(failure(result).error).toContain('200000 个单元格');
    expect(ms).toBeLessThan(3000);
  });

  it('a sheet whose two cells lie a million rows apart', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '一';
    ws.getCell('Z1000000').value = '二';
    const { result, ms } = await timed(new Uint8Array(await wb.xlsx.writeBuffer()), '统计表.xlsx');
    expect(failure(result)).toMatchObject({ code: 'too_large', format: 'xlsx' });
    expect(failure(result).error).toContain('1000000 行 × 26 列');
    expect(ms).toBeLessThan(5000);
  });
});
