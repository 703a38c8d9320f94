import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/core/read';
import type { ReadOk, ReadResult } from '../../../src/core/read/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures/read');
const docx = readFileSync(join(FIXTURES, 'report-001-2019.docx'));

function ok(result: ReadResult): ReadOk {
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result;
}

async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('a Word report (滨海街道 2020, 2019 layout, gridSpan and vMerge)', () => {
  it('reads the paragraphs as lines', async () => {
    const r = ok(await readDocument(docx, '001.docx'));
    expect(r.format).toBe('docx');
    expect(r.encoding).toBeUndefined();
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('滨海街道办事处2020年政府信息公开工作年度报告');
    expect(lines).toContain('（一）抓好主动公开与依申请公开');
    expect(lines).toContain('四、收到和处理政府信息公开申请情况');
    expect(lines.at(-1)).toBe('2021年1月20日');
  });

  it('keeps the merges of the apply table: gridSpan → colspan, vMerge → rowspan', async () => {
    const r = ok(await readDocument(docx, '001.docx'));
    expect(r.tables.map((t) => `${t.length}x${t[0]!.length}`)).toEqual(['26x10', '4x15']);
    const grid = r.tables[0]!;
    expect(grid[0]![3]).toBe('申请人情况');
    expect(grid[1]).toEqual(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(grid[2]).toEqual([
      '',
      '',
      '',
      '',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '',
    ]);
    const row = (label: string): string[] => grid.find((cells) => cells.includes(label))!;
    expect(row('（一）予以公开')).toEqual([
      '三、本年度办理结果',
      '（一）予以公开',
      '',
      '2',
      '0',
      '0',
      '0',
      '0',
      '0',
      '2',
    ]);
    expect(row('1.属于国家秘密').slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    expect(row('4.保护第三方合法权益')).toEqual([
      '',
      '',
      '4.保护第三方合法权益',
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    expect(row('（七）总计')).toEqual(['', '（七）总计', '', '3', '0', '0', '0', '0', '0', '3']);
    expect(row('四、结转下年度继续办理')).toEqual([
      '四、结转下年度继续办理',
      '',
      '',
      ...new Array(7).fill('0'),
    ]);
    // Only the first row of a vertical merge holds the text: no label or number is duplicated.
    expect(grid.flat().filter((c) => c === '三、本年度办理结果')).toHaveLength(1);
    expect(grid.flat().filter((c) => c === '（三）不予公开')).toHaveLength(1);
  });

  it('prints the table rows as lines and locates every cell', async () => {
    const r = ok(await readDocument(docx, '001.docx'));
    const lines = r.text.split('\n');
    expect(lines).toContain('三、本年度办理结果 | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2');
    expect(lines).toContain('（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(lines).toContain(
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉',
    );
    for (const [t, source] of (r.tableSources ?? []).entries())
      for (const cell of source.cells)
        expect(r.text.slice(cell.span.start, cell.span.end)).toBe(r.tables[t]![cell.row]![cell.col]);
  });

  it('reads a .docx by its content whatever its name says', async () => {
    const r = ok(await readDocument(docx, '001.doc'));
    expect(r.format).toBe('docx');
  });
});

describe('Word tables mammoth cannot merge', () => {
  it('warns when a bookmark inside a table row keeps mammoth from applying vertical merges', async () => {
    const tc = (text: string, props = ''): string =>
      `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const body =
      '<w:tbl>' +
      `<w:tr><w:bookmarkStart w:id="0" w:name="apply"/>${tc('（三）不予公开', '<w:vMerge w:val="restart"/>')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('2.其他法律行政法规禁止公开')}${tc('0')}</w:tr>` +
      '</w:tbl>';
    const bytes = await zip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    });
    const r = ok(await readDocument(bytes, 'bookmark.docx'));
    expect(r.warnings.join()).toContain('合并单元格可能读取不准确');
    expect(r.text).toContain('2.其他法律行政法规禁止公开 | 0');
  });
});

describe('Word files that cannot be read', () => {
  it('reports a cut-off .docx as corrupt', async () => {
    const result = await readDocument(docx.subarray(0, Math.floor(docx.length / 2)), '001.docx');
    expect(result).toMatchObject({ ok: false, code: 'corrupt', format: 'docx' });
    expect(!result.ok && result.error).toMatch(
      /^Word 文档（\.docx）已损坏或不完整，无法读取（corrupt \.docx: .+）$/,
    );
  });

  it('reports a .docx whose document part is not XML as corrupt', async () => {
    const bytes = await zip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>年报',
    });
    expect(await readDocument(bytes, 'broken.docx')).toMatchObject({
      ok: false,
      code: 'corrupt',
      format: 'docx',
    });
  });

  it('refuses zip files that are not Word documents', async () => {
    const excel = await zip({ 'xl/workbook.xml': '<workbook/>', '[Content_Types].xml': '<Types/>' });
    const excelResult = await readDocument(excel, '统计表.xlsx');
    expect(excelResult).toMatchObject({ ok: false, code: 'corrupt', format: 'xlsx' });
    expect(!excelResult.ok && excelResult.error).toContain('Excel');
    const other = await zip({ '年报.txt': '一、总体情况' });
    expect(await readDocument(other, '年报.zip')).toMatchObject({ ok: false, code: 'unsupported' });
  });
});
