// Builds the reader's HTML and DOCX fixtures in test/fixtures/read/ from two real reports of the dev set
// (report-000.txt: 崔东街道 2021, 2021 layout; report-001.txt: 滨海街道 2020, 2019 layout). The prose is the reports'
// own; the tables carry the reports' own labels and numbers in the cell structure (rowspan/colspan, Word merges)
// that government sites and Word publish them with. Run: npx tsx scripts/make-read-fixtures.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

const DIR = join(import.meta.dirname, '../test/fixtures/read');

/** A table cell as published: text, spans, and an optional markup flavour. */
interface Cell {
  t: string;
  rs?: number;
  cs?: number;
}
type Row = (Cell | string)[];
const c = (t: string, cs = 1, rs = 1): Cell => ({ t, cs, rs });
const cellOf = (x: Cell | string): Cell => (typeof x === 'string' ? { t: x } : x);

// ---- the tables, from the reports' text ---------------------------------------------------------------------

const APPLICANTS: Row[] = [
  [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
  [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];

/** The apply table; `values` has one row of 7 printed values per data row ('' = a blank cell). */
function applyTable(layout: '2019' | '2021', values: string[][]): Row[] {
  const other =
    layout === '2021'
      ? [
          '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
          '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
          '3.其他',
        ]
      : [];
  const groups: [string, string[]][] = [
    ['（一）予以公开', []],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', []],
    ['（三）不予公开', ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
      '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']],
    ['（四）无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
    ['（五）不予处理', ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息']],
    ['（六）其他处理', other],
    ['（七）总计', []],
  ]; // prettier-ignore
  const resultRows = groups.reduce((n, [, items]) => n + Math.max(1, items.length), 0);
  let valueRow = 0;
  const next = (): string[] => values[valueRow++] ?? [];
  const rows: Row[] = [...APPLICANTS];
  rows.push([c('一、本年新收政府信息公开申请数量', 3), ...next()]);
  rows.push([c('二、上年结转政府信息公开申请数量', 3), ...next()]);
  for (const [g, [group, items]] of groups.entries()) {
    const lead = g === 0 ? [c('三、本年度办理结果', 1, resultRows)] : [];
    if (items.length === 0) rows.push([...lead, c(group, 2), ...next()]);
    else
      for (const [i, item] of items.entries())
        rows.push([
          ...lead.filter(() => i === 0),
          ...(i === 0 ? [c(group, 1, items.length)] : []),
          item,
          ...next(),
        ]);
  }
  rows.push([c('四、结转下年度继续办理', 3), ...next()]);
  if (values.length !== rows.length - 3) throw new Error(`apply table: ${values.length} value rows given`);
  return rows;
}

function reviewTable(values: string[], split: boolean): Row[] {
  const b = (s: string): string => (split ? s.replace(/^(..)(..)$/, '$1<br>$2') : s);
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [c('行政复议', 5), c('行政诉讼', 10)],
    [
      ...results.map((r) => c(r === '结果维持' ? r : b(r), 1, 2)),
      c('未经复议直接起诉', 5),
      c('复议后起诉', 5),
    ],
    [...results, ...results].map((r) => c(b(r))),
    values,
  ];
}

const zeros = (n: number): string[] => new Array<string>(n).fill('0');
const applicants = (natural: string, total: string): string[] => [natural, '0', '0', '0', '0', '0', total];

const ACTIVE_2021: Row[] = [
  [c('第二十条第（一）项', 4)],
  ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
  ['规章', '0', '0', '0'],
  ['行政规范性文件', '0', '0', '0'],
  [c('第二十条第（五）项', 4)],
  ['信息内容', c('本年处理决定数量', 3)],
  ['行政许可', c('0', 3)],
  [c('第二十条第（六）项', 4)],
  ['信息内容', c('本年处理决定数量', 3)],
  ['行政处罚', c('0', 3)],
  ['行政强制', c('0', 3)],
  [c('第二十条第（八）项', 4)],
  ['信息内容', c('本年收费金额（单位：万元）', 3)],
  ['行政事业性收费', c('33', 3)],
];

const ACTIVE_2019: Row[] = [
  [c('第二十条第（五）项', 4)],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政许可', '0', '0', '0'],
  ['其他对外管理服务事项', '0', '0', '0'],
  [c('第二十条第（六）项', 4)],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政处罚', '0', '0', '0'],
  ['行政强制', '0', '0', '0'],
  [c('第二十条第（八）项', 4)],
  ['信息内容', '上一年项目数量', c('本年增/减', 2)],
  ['行政事业性收费', '0', c('0', 2)],
  [c('第二十条第（九）项', 4)],
  ['信息内容', '采购项目数量', c('采购总金额', 2)],
  ['政府集中采购', '0', c('0', 2)],
];

// 崔东 2021 as printed: row 一 and row 四 each have a blank cell, two cells read "00", the review table's headers
// are broken over two lines.
const APPLY_000 = applyTable('2021', [
  ['0', '0', '', '0', '0', '0', '0'],
  ...Array.from({ length: 19 }, () => zeros(7)),
  ['0', '0', '0', '0', '00', '0', '0'],
  ['0', '0', '00', '0', '0', '0', '0'],
  zeros(7),
  zeros(7),
  ['', '0', '0', '0', '0', '0', '0'],
]);
const APPLY_001 = applyTable('2019', [
  applicants('3', '3'),
  zeros(7),
  applicants('2', '2'),
  zeros(7),
  zeros(7),
  zeros(7),
  zeros(7),
  applicants('1', '1'),
  ...Array.from({ length: 13 }, () => zeros(7)),
  applicants('3', '3'),
  zeros(7),
]);
const META_000: Row[] = [
  ['索引号：', '', '发布机构：', '平山区人民政府'],
  ['信息名称：', '2021年崔东办事处政府信息公开工作年度报告', '主题分类：', '政府信息公开年报'],
  ['发布日期：', '2022-01-25', '成文日期：', '2022-01-25'],
  ['废止日期：', '', '文　　号：', ''],
  ['关键词：', c('', 3)],
];

// ---- HTML as content management systems print it ----------------------------------------------------------

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text with `<br>` kept (the only markup the specs use). */
const html = (s: string): string => esc(s).replace(/&lt;br&gt;/g, '<br>');

/** Word-exported cell markup, numbers in their own runs, blanks as `&nbsp;` paragraphs, as sites publish it. */
function td(cell: Cell, at: number): string {
  const span = `${(cell.rs ?? 1) > 1 ? ` rowspan="${cell.rs}"` : ''}${(cell.cs ?? 1) > 1 ? ` colspan="${cell.cs}"` : ''}`;
  const style = 'border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt';
  if (cell.t === '') return `<td${span} style="${style}"><p class="MsoNormal" align="center">&nbsp;</p></td>`;
  if (/^\d+$/.test(cell.t)) {
    if (at % 5 === 3) return `<td${span} align="center">&nbsp;${cell.t}&nbsp;</td>`;
    return `<td${span} valign="center" style="${style}"><p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US" style="font-size:10.5pt;font-family:宋体">${cell.t}</span></p></td>`;
  }
  const numbered = /^(\d+\.|（[一二三四五六七]）)(.*)$/s.exec(cell.t);
  const inner = numbered
    ? `<span lang="EN-US" style="font-size:10.5pt">${html(numbered[1]!)}</span><span style="font-size:10.5pt;font-family:宋体">${html(numbered[2]!)}</span>`
    : `<span style="font-size:10.5pt;font-family:宋体"><font face="宋体">${html(cell.t)}</font></span>`;
  return `<td${span} style="${style}"><p class="MsoNormal"><b>${inner}</b></p></td>`;
}

function htmlTable(rows: Row[]): string {
  let at = 0;
  const body = rows.map((row) => `<tr>\n${row.map((x) => td(cellOf(x), at++)).join('\n')}\n</tr>`).join('\n');
  return `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="604" style="border-collapse:collapse;border:none">\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The reports' text uses ASCII punctuation; the pages use full-width punctuation. */
const fullWidth = (s: string): string =>
  s.replace(/[,:;()?!]/g, (p) => String.fromCharCode(p.charCodeAt(0) + 0xfee0));

/** Prose lines as paragraphs, each run of table lines replaced by the next table. */
function articleBody(reportText: string, tables: Row[][]): string {
  const out: string[] = [];
  let inTable = false;
  let next = 0;
  for (const line of reportText.split('\n')) {
    if (line.includes('|')) {
      if (!inTable) out.push(htmlTable(tables[next++]!));
      inTable = true;
      continue;
    }
    inTable = false;
    if (line.trim() === '') continue;
    const heading = /^[一二三四五六七八九十]、/.test(line) && line.length < 30;
    const text = esc(fullWidth(line));
    out.push(
      heading
        ? `<p style="text-indent:2em"><strong><span style="font-family:黑体">${text}</span></strong></p>`
        : `<p style="text-indent:2em;line-height:1.75em"><span style="font-family:仿宋_GB2312;font-size:16px">${text}</span></p>`,
    );
  }
  if (next !== tables.length) throw new Error(`used ${next} of ${tables.length} tables`);
  return out.join('\n');
}

const SCRIPT_WITH_TABLE = `<script type="text/javascript">
  var shareTpl = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>99</td></tr></table>";
  if (window.innerWidth < 768) { document.write('<table class="m"><tr><td>（七）总计 | 99</td></tr></table>'); }
</script>`;

function page000(): string {
  const text = readFileSync(join(DIR, 'report-000.txt'), 'utf8');
  const [meta, ...rest] = [META_000, ACTIVE_2021, APPLY_000, reviewTable(zeros(15), true)];
  const article = articleBody(text.split('\n').slice(5).join('\n'), rest);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>2021年崔东办事处政府信息公开工作年度报告_政府信息公开年报_平山区人民政府</title>
<meta name="ColumnName" content="政府信息公开年报" />
<style type="text/css">.nav li{float:left} td.hd{font-weight:bold}</style>
${SCRIPT_WITH_TABLE}
</head>
<body>
<!-- <table><tr><td>注释里的表格</td><td>88</td></tr></table> -->
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="top"><img src="/images/logo.png" alt="平山区人民政府" />
<form action="/search" method="get"><input type="hidden" name="siteid" value="1" /><input type="text" name="q" /><input type="submit" value="搜索" /></form></td></tr>
<tr><td><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjps/">走进平山</a></li></ul></td></tr>
<tr><td class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</td></tr>
<tr><td>
${htmlTable(meta!)}
<div class="article">
${article}
</div>
<div class="share" style="display: none">分享到：微信 微博 <table><tr><td>一、本年新收政府信息公开申请数量</td><td>66</td></tr></table></div>
<noscript>您的浏览器不支持脚本</noscript>
</td></tr>
<tr><td class="footer"><p>主办：平山区人民政府办公室&nbsp;&nbsp;|&nbsp;&nbsp;<a href="/sitemap">网站地图</a>&nbsp;|&nbsp;<a href="/contact">联系我们</a></p><p>网站标识码：0000000000&nbsp;&nbsp;ICP备案号：冀ICP备00000000号</p></td></tr>
</table>
<script>var _hmt = _hmt || []; (function(){ var s = "<tr><td>二、上年结转 | 55</td></tr>"; })();</script>
</body>
</html>
`;
}

function page001(): string {
  const text = readFileSync(join(DIR, 'report-001.txt'), 'utf8');
  const article = articleBody(text, [ACTIVE_2019, APPLY_001, reviewTable(zeros(15), false)]);
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="gb2312">
<title>滨海街道办事处2020年政府信息公开工作年度报告</title>
<link rel="stylesheet" href="/css/main.css">
</head>
<body>
<div id="header"><div class="logo">青岛西海岸新区</div><div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/bsfw/">办事服务</a></div></div>
<div class="crumb">您现在的位置：首页 &gt; 信息公开 &gt; 政府信息公开年报</div>
<div class="detail">
<div class="title">滨海街道办事处2020年政府信息公开工作年度报告</div>
<div class="info">发布日期：2021-01-20&nbsp;&nbsp;&nbsp;来源：滨海街道办事处&nbsp;&nbsp;&nbsp;<span id="hits"></span></div>
<div class="content" id="zoom">
${article}
</div>
</div>
<div id="footer">版权所有：青岛西海岸新区&nbsp;&nbsp;<span>技术支持：某某网络</span></div>
${SCRIPT_WITH_TABLE}
</body>
</html>
`;
}

/** The page cut off inside a tag in the middle of the apply table, as an interrupted download leaves it. */
function truncated(full: string): string {
  const label = full.indexOf('属于三类内部事务信息');
  const tag = full.lastIndexOf('<td', label);
  return full.slice(0, tag + 12);
}

const HOSTILE = `<html><head><title>异常网页</title>
<script>var t = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>"; if (a </b) {}</script>
<style>td { content: "<td>888</td>" }</style></head><body>
</td></tr></table></div></span>
<p>段落一<p>段落二<div>未闭合的块
<td>表格外的单元格</td>
<table>
<caption>表格标题</caption>
<tr><td colspan="99999">超宽合并</td><td rowspan="-3">负的跨行</td></tr>
<tr><td colspan="abc">非数字</td><td rowspan="0">跨到末行</td><td>1</td>
<tr><td>第三行</td><td>2</td>
游离文字
<table><tr><td>嵌套表</td><td>3</td></tr></table>
</table>
<![if !supportLists]>1.<![endif]>列表项
<![CDATA[ 不是文字 ]]>
<div hidden>隐藏的块</div><input type="hidden" value="隐藏的输入">
<p>最后一段 &amp; 实体 &nbsp;&lt;b&gt; &#20013;&#x6587; &unknown;</p>
<!-- 未闭合的注释 <table><tr><td>吞掉的表</td></tr></table>
`;

// ---- DOCX, as Word writes a report ------------------------------------------------------------------------

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (t: string, bold = false): string =>
  `<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>${bold ? '<w:b/>' : ''}<w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">${xml(t)}</w:t></w:r>`;
const para = (t: string, opts: { bold?: boolean; center?: boolean } = {}): string =>
  `<w:p><w:pPr>${opts.center ? '<w:jc w:val="center"/>' : '<w:ind w:firstLineChars="200" w:firstLine="640"/>'}</w:pPr>${
    // Word splits runs at script changes: "（一）" and "予以公开", "1." and "属于国家秘密".
    (/^(\d+\.|（[一二三四五六七]）)(.+)$/.exec(t)?.slice(1) ?? [t]).map((s) => run(s, opts.bold)).join('')
  }</w:p>`;

/** Word's table model: every grid position of a vertically merged cell has a `w:tc` (restart, then continue). */
function wordTable(rows: Row[], columns: number): string {
  const above: (Cell & { left: number })[] = []; // open vertical merges by column
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.map(cellOf);
    const tcs: string[] = [];
    let col = 0;
    let k = 0;
    while (col < columns) {
      const merged = above[col];
      let cell: Cell;
      let vMerge = '';
      if (merged && merged.left > 0) {
        cell = merged;
        vMerge = '<w:vMerge/>';
        merged.left--;
      } else {
        const next = cells[k++];
        if (!next) break;
        cell = next;
        if ((cell.rs ?? 1) > 1) {
          vMerge = '<w:vMerge w:val="restart"/>';
          above[col] = { ...cell, left: (cell.rs ?? 1) - 1 };
        }
      }
      const span = (cell.cs ?? 1) > 1 ? `<w:gridSpan w:val="${cell.cs}"/>` : '';
      const content =
        vMerge === '<w:vMerge/>' ? '<w:p/>' : para(cell.t.replace('<br>', ''), { center: true });
      tcs.push(
        `<w:tc><w:tcPr><w:tcW w:w="${900 * (cell.cs ?? 1)}" w:type="dxa"/>${span}${vMerge}</w:tcPr>${content}</w:tc>`,
      );
      col += cell.cs ?? 1;
    }
    out.push(`<w:tr>${tcs.join('')}</w:tr>`);
  }
  const grid = `<w:tblGrid>${'<w:gridCol w:w="900"/>'.repeat(columns)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${grid}${out.join('')}</w:tbl>`;
}

async function docx001(): Promise<Buffer> {
  const lines = readFileSync(join(DIR, 'report-001.txt'), 'utf8').split('\n');
  const prose = (from: string, count: number): string =>
    lines
      .slice(lines.indexOf(from), lines.indexOf(from) + count)
      .map((l) => para(fullWidth(l), { bold: /^[一二三四五六七]、/.test(l) }))
      .join('');
  const body = [
    para('滨海街道办事处2020年政府信息公开工作年度报告', { bold: true, center: true }),
    para(fullWidth(lines[0]!)),
    prose('一、总体情况', 3),
    para('四、收到和处理政府信息公开申请情况', { bold: true }),
    wordTable(APPLY_001, 10),
    para('五、政府信息公开行政复议、行政诉讼情况', { bold: true }),
    wordTable(reviewTable(zeros(15), false), 15),
    para(fullWidth(lines[66]!)),
    prose('六、存在的主要问题及改进情况', 2),
    para('滨海街道办事处', { center: true }),
    para('2021年1月20日', { center: true }),
  ].join('');
  const zip = new JSZip();
  const date = new Date('2021-01-20T08:00:00Z');
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    { date },
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    { date },
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    { date },
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function main(): Promise<void> {
  const full000 = page000();
  writeFileSync(join(DIR, 'report-000-2021.html'), full000);
  writeFileSync(join(DIR, 'report-000-truncated.html'), truncated(full000));
  writeFileSync(join(DIR, 'report-001-2019-gbk.html'), iconv.encode(page001(), 'gbk'));
  writeFileSync(join(DIR, 'hostile.html'), HOSTILE);
  writeFileSync(join(DIR, 'report-001-2019.docx'), await docx001());
  console.log(`fixtures written to ${DIR}`);
}

await main();
