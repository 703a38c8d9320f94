import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/core/read';
import type { Grid, ReadOk, ReadResult } from '../../../src/core/read/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures/read');
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));

function ok(result: ReadResult): ReadOk {
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result;
}

const lines = (r: ReadOk): string[] => r.text.split('\n');
const applyTable = (r: ReadOk): Grid => {
  const table = r.tables.find((t) => t[0]?.[3] === '申请人情况');
  if (!table) throw new Error('no apply table');
  return table;
};
const rowOf = (grid: Grid, label: string): string[] => {
  const row = grid.find((cells) => cells.includes(label));
  if (!row) throw new Error(`no row ${label}`);
  return row;
};
const values = (row: string[]): string[] => row.slice(3);

/** Every printed cell's span points at exactly its text; every table's span covers its row lines. */
function expectSpansMatch(r: ReadOk): void {
  expect(r.tableSources).toHaveLength(r.tables.length);
  for (const [t, source] of (r.tableSources ?? []).entries()) {
    const grid = r.tables[t]!;
    for (const cell of source.cells) {
      expect(r.text.slice(cell.span.start, cell.span.end)).toBe(grid[cell.row]![cell.col]);
      expect(cell.span.start).toBeGreaterThanOrEqual(source.span.start);
      expect(cell.span.end).toBeLessThanOrEqual(source.span.end);
    }
    const block = r.text.slice(source.span.start, source.span.end);
    expect(block.split('\n').every((line) => line.includes(' | ') || !line.includes('\n'))).toBe(true);
  }
}

describe('a 2021 report page (崔东街道, UTF-8, site chrome, layout table)', () => {
  const read = async (): Promise<ReadOk> =>
    ok(await readDocument(fixture('report-000-2021.html'), '000.html'));

  it('reads the visible text: title, nav, breadcrumb, prose, footer', async () => {
    const r = await read();
    expect(r.format).toBe('html');
    expect(r.encoding).toBe('utf-8');
    expect(lines(r)).toContain('2021年崔东办事处政府信息公开工作年度报告');
    expect(lines(r)).toContain('当前位置：首页 > 政务公开 > 政府信息公开年报');
    expect(lines(r)).toContain('一、加强领导，精心组织');
    expect(r.text).toContain('网站标识码');
    expect(lines(r)).toContain('无。');
  });

  it('leaves out scripts, styles, comments, noscript, hidden inputs and display:none blocks', async () => {
    const r = await read();
    for (const hidden of [
      '99',
      '88',
      '66',
      '55',
      'shareTpl',
      'font-weight',
      '注释里的表格',
      '分享到',
      '浏览器不支持',
      'siteid',
    ])
      expect(r.text).not.toContain(hidden);
  });

  it('unwraps the page layout table and finds the four data tables', async () => {
    const r = await read();
    expect(r.tables.map((t) => `${t.length}x${t[0]!.length}`)).toEqual(['5x4', '14x4', '28x10', '4x15']);
    expect(r.tables.every((t) => t.every((row) => row.length === t[0]!.length))).toBe(true);
  });

  it('expands the apply table header: 申请人情况 colspan 7, 自然人/总计 rowspan 2, 法人或其他组织 colspan 5', async () => {
    const grid = applyTable(await read());
    expect(grid[0]).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '',
    ]); // prettier-ignore
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
  });

  it('gives every data row its label columns and 7 value columns, spanned positions empty', async () => {
    const grid = applyTable(await read());
    const data = grid.slice(3);
    expect(data).toHaveLength(25);
    expect(data.every((row) => row.length === 10)).toBe(true);
    expect(rowOf(grid, '（一）予以公开').slice(0, 3)).toEqual(['三、本年度办理结果', '（一）予以公开', '']);
    expect(rowOf(grid, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）').slice(0, 3)).toEqual([
      '', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '',
    ]); // prettier-ignore
    expect(rowOf(grid, '1.属于国家秘密').slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    expect(rowOf(grid, '8.属于行政查询事项').slice(0, 3)).toEqual(['', '', '8.属于行政查询事项']);
    expect(rowOf(grid, '3.其他').slice(0, 3)).toEqual(['', '', '3.其他']);
    expect(rowOf(grid, '四、结转下年度继续办理').slice(0, 3)).toEqual(['四、结转下年度继续办理', '', '']);
    const valueCells = data.flatMap(values);
    expect(valueCells.every((v) => /^(0|00|)$/.test(v))).toBe(true);
  });

  it('keeps the printed values as printed: a blank cell stays blank, “00” stays “00”', async () => {
    const grid = applyTable(await read());
    expect(values(rowOf(grid, '一、本年新收政府信息公开申请数量'))).toEqual([
      '0',
      '0',
      '',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(values(rowOf(grid, '四、结转下年度继续办理'))).toEqual(['', '0', '0', '0', '0', '0', '0']);
    const overdue = rowOf(grid, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(values(overdue)).toEqual(['0', '0', '0', '0', '00', '0', '0']);
  });

  it('prints each table row as one line, cells joined by “ | ”, blank cells kept between separators', async () => {
    const r = await read();
    expect(lines(r)).toContain('一、本年新收政府信息公开申请数量 | 0 | 0 |  | 0 | 0 | 0 | 0');
    expect(lines(r)).toContain('三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(lines(r)).toContain('（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(lines(r)).toContain('四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0');
    expect(lines(r)).toContain('行政事业性收费 | 33');
    expect(lines(r)).toContain(
      '结果维持 | 结果 纠正 | 其他 结果 | 尚未 审结 | 总计 | 未经复议直接起诉 | 复议后起诉',
    );
    expect(lines(r)).toContain(new Array(15).fill('0').join(' | '));
  });

  it('locates every table cell in the text', async () => {
    expectSpansMatch(await read());
  });
});

describe('a 2019 report page in GBK (滨海街道, <meta charset="gb2312">)', () => {
  const read = async (): Promise<ReadOk> =>
    ok(await readDocument(fixture('report-001-2019-gbk.html'), '001.htm'));

  it('decodes GBK and says so', async () => {
    const r = await read();
    expect(r.encoding).toBe('gb18030');
    expect(r.warnings.some((w) => w.includes('GBK'))).toBe(true);
    expect(lines(r)).toContain('（五）人大代表建议和政协委员提案办理情况');
    expect(r.text).toContain('“军民幸福 活力滨海”微信公众平台');
  });

  it('reads the apply table of the 2019 layout with the report’s numbers', async () => {
    const r = await read();
    const grid = applyTable(r);
    expect(grid.slice(3)).toHaveLength(23);
    expect(values(rowOf(grid, '一、本年新收政府信息公开申请数量'))).toEqual([
      '3',
      '0',
      '0',
      '0',
      '0',
      '0',
      '3',
    ]);
    expect(values(rowOf(grid, '4.保护第三方合法权益'))).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(rowOf(grid, '（六）其他处理').slice(0, 3)).toEqual(['', '（六）其他处理', '']);
    expect(values(rowOf(grid, '（七）总计'))).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(lines(r)).toContain('三、本年度办理结果 | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2');
    expect(lines(r)).toContain('（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3');
    expect(lines(r)).toContain('信息内容 | 采购项目数量 | 采购总金额');
    expectSpansMatch(r);
  });

  it('reads the same page when the charset is only in <meta http-equiv> or missing, or declared wrongly', async () => {
    const bytes = Buffer.from(fixture('report-001-2019-gbk.html'));
    const expected = (await read()).text;
    const variants = [
      bytes
        .toString('latin1')
        .replace(
          '<meta charset="gb2312">',
          '<meta http-equiv="Content-Type" content="text/html; charset=GBK">',
        ),
      bytes.toString('latin1').replace('<meta charset="gb2312">', ''),
      bytes.toString('latin1').replace('<meta charset="gb2312">', '<meta charset="utf-8">'),
      bytes.toString('latin1').replace('<meta charset="gb2312">', '<meta charset="iso-8859-1">'),
    ];
    for (const variant of variants) {
      const r = ok(await readDocument(Buffer.from(variant, 'latin1'), '001.html'));
      expect(r.encoding).toBe('gb18030');
      expect(r.text).toBe(expected);
    }
  });
});

describe('a page cut off in the middle of the apply table', () => {
  it('gives the text and the table rows read so far', async () => {
    const r = ok(await readDocument(fixture('report-000-truncated.html'), 'cut.html'));
    const grid = applyTable(r);
    expect(grid.at(-1)!.slice(2)).toEqual(['4.保护第三方合法权益', '0', '0', '0', '0', '0', '0', '0']);
    expect(lines(r).at(-1)).toBe('4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(r.text).toContain('二、主动公开政府信息情况');
    expect(r.text).not.toContain('5.属于三类内部事务信息');
    expectSpansMatch(r);
  });

  it('survives a cut at every 997th byte of the page', async () => {
    const page = fixture('report-000-2021.html');
    for (let end = 1; end < page.length; end += 997) {
      const result = await readDocument(page.subarray(0, end), 'cut.html');
      if (result.ok) expectSpansMatch(result);
      else expect(result.code).toBe('empty');
    }
  });
});

describe('hostile markup', () => {
  it('reads the hostile fixture: stray closers, bad spans, foster-parented text, unclosed comment', async () => {
    const r = ok(await readDocument(fixture('hostile.html'), 'hostile.html'));
    expect(r.text).not.toMatch(/999|888|吞掉的表|不是文字|隐藏的/);
    for (const line of [
      '段落一',
      '段落二',
      '未闭合的块',
      '表格外的单元格',
      '表格标题',
      '游离文字',
      '1.列表项',
    ])
      expect(lines(r)).toContain(line);
    expect(lines(r)).toContain('超宽合并 | 负的跨行');
    expect(lines(r)).toContain('嵌套表 | 3');
    expect(r.text).toContain('最后一段 & 实体 \u00a0<b> 中文 &unknown;');
    const wide = r.tables.find((t) => t[0]![0] === '超宽合并')!;
    expect(wide[0]).toHaveLength(101); // colspan 99999 clamped to 100
    expect(wide[0]![100]).toBe('负的跨行'); // rowspan -3 read as 1
    expect(wide[1]!.slice(0, 3)).toEqual(['非数字', '跨到末行', '1']); // colspan "abc" read as 1
    expect(wide[2]!.slice(0, 3)).toEqual(['第三行', '', '2']); // rowspan 0 spans to the last row
    expectSpansMatch(r);
  });

  const html = (s: string): Uint8Array => Buffer.from(s, 'utf8');

  it('reads text 10,000 elements deep (div, inline span/font/b, and nested tables)', async () => {
    const depth = 10_000;
    const divs = `${'<div>'.repeat(depth)}深处的文字${'</div>'.repeat(depth)}`;
    expect(ok(await readDocument(html(divs), 'deep.html')).text).toBe('深处的文字');
    const inline = `<p>${'<span><font><b>'.repeat(depth)}深处${'</b></font></span>'.repeat(depth)}的文字</p>`;
    expect(ok(await readDocument(html(inline), 'deep.html')).text).toBe('深处的文字');
    const tables = `<html>${'<table><tr><td>外层'.repeat(depth)}<table><tr><td>深处</td><td>7</td></tr></table>`;
    const r = ok(await readDocument(html(tables), 'deep.html'));
    expect(lines(r).at(-1)).toBe('深处 | 7');
    expect(lines(r)).toHaveLength(depth + 1);
  });

  it('reads a 5 MB single-line page and a 5 MB attribute value', async () => {
    const row = '<tr><td>（一）予以公开</td><td>2</td><td>0</td></tr>';
    const line = `<html><body><p>${'政府信息公开工作年度报告，'.repeat(100_000)}</p><table>${row.repeat(16_000)}</table></body></html>`;
    expect(Buffer.byteLength(line)).toBeGreaterThan(4_000_000);
    const r = ok(await readDocument(html(line), 'long.html'));
    expect(r.tables[0]).toHaveLength(16_000);
    expect(lines(r)).toHaveLength(16_001);
    // Over the cell cap (50,000 cells in one document): refused with a clear error before the walk.
    const crowded = await readDocument(html(`<table>${row.repeat(20_000)}</table>`), 'crowded.html');
    expect(crowded.ok).toBe(false);
    if (!crowded.ok) expect(crowded.error).toContain('单元格超过 50,000 个');
    const attr = `<html><div title="${'x'.repeat(5_000_000)}" data-a='${'"'.repeat(1000)}'>可见的文字</div>`;
    expect(ok(await readDocument(html(attr), 'attr.html')).text).toBe('可见的文字');
    const openAttr = `<html><p>之前的文字</p><div title="${'x'.repeat(5_000_000)}`;
    expect(ok(await readDocument(html(openAttr), 'attr.html')).text).toBe('之前的文字');
  });

  it('does not expand a table whose spans would make a huge grid, but still prints its rows', async () => {
    const rows = '<tr><td colspan="100">合并</td><td rowspan="65534">1</td></tr>'.repeat(20_000);
    const r = ok(await readDocument(html(`<html><table>${rows}</table></html>`), 'wide.html'));
    expect(r.tables).toEqual([]);
    expect(r.warnings.join()).toContain('表格过大');
    expect(lines(r)).toHaveLength(20_000);
    expect(lines(r).every((line) => line === '合并 | 1')).toBe(true);
  });
});

describe('HTML details', () => {
  const text = async (s: string, name = 'x.html'): Promise<string> =>
    ok(await readDocument(Buffer.from(s, 'utf8'), name)).text;

  it('joins a line broken between Chinese characters without a space, and keeps spaces between numbers', async () => {
    expect(await text('<p>政府信\n息公开 <span>12</span>\n34</p>')).toBe('政府信息公开 12 34');
  });

  it('turns block elements and <br> into line breaks, but keeps a table cell on its row', async () => {
    const page =
      '<div>一<br>二</div><ul><li>三</li><li>四</li></ul><table><tr><td><p>商业</p><p>企业</p></td><td>商业<br>企业</td></tr></table>';
    expect(await text(page)).toBe('一\n二\n三\n四\n商业 企业 | 商业 企业');
  });

  it('keeps the lines of <pre> text', async () => {
    expect(await text('<pre>（一）予以公开    2\n（七）总计    3</pre>')).toBe(
      '（一）予以公开 2\n（七）总计 3',
    );
  });

  it('reads an HTML fragment by its extension', async () => {
    expect(await text('报告正文<br>第二行', 'fragment.html')).toBe('报告正文\n第二行');
  });

  it('reads a Word “web page” saved as .doc, and says what it really is', async () => {
    const r = ok(await readDocument(Buffer.from('<html><body><p>年度报告</p></body></html>'), '报告.doc'));
    expect(r.format).toBe('html');
    expect(r.warnings.join()).toContain('.doc');
  });

  it('reads a UTF-16 page', async () => {
    const page =
      '<html><body><p>一、总体情况</p><table><tr><td>（七）总计</td><td>3</td></tr></table></body></html>';
    const r = ok(
      await readDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]), 'x.txt'),
    );
    expect(r.format).toBe('html');
    expect(r.text).toBe('一、总体情况\n（七）总计 | 3');
  });

  it('fails as empty when a page shows no text', async () => {
    const result = await readDocument(
      Buffer.from('<html><head><script>var a = 1;</script></head><body> </body></html>'),
      'x.html',
    );
    expect(result).toMatchObject({ ok: false, code: 'empty', format: 'html' });
  });
});
