// Every shape real reports come in, made from real reports by the edits that real publishing pipelines make.
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract';
import { REPORTS, reportText, reportTruth, score } from './fixtures';

const value = (text: string, key: string) => extractReport(text).cells.find((c) => c.key === key);

/** Replaces the n-th (0-based) occurrence of `find` after `anchor`. */
function replaceAfter(text: string, anchor: string, find: string, by: string, n = 0): string {
  let at = text.indexOf(anchor);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let k = 0; k <= n; k++) at = text.indexOf(find, at + (k === 0 ? anchor.length : find.length));
  expect(at).toBeGreaterThan(0);
  return text.slice(0, at) + by + text.slice(at + find.length);
}

describe('shapes', () => {
  it('cells joined by " | " and one cell per line read the same', () => {
    const piped = reportText(REPORTS.binhai2020);
    const perLine = piped.replace(/\s*\|\s*/g, '\n');
    const truth = reportTruth(REPORTS.binhai2020);
    expect(score(extractReport(piped), truth).wrong).toEqual([]);
    const r = extractReport(perLine);
    expect(score(r, truth).wrong).toEqual([]);
    expect(r.review).toEqual([]);
  });

  it('a whole table on one line, digits glued after labels, the next numbering glued on', () => {
    const oneLine = reportText(REPORTS.lanting2020)
      .replace(/[ \t\u00a0|]+/g, '')
      .replace(/\n+/g, '');
    expect(oneLine).toContain('保护第三方合法权益0000001');
    const r = extractReport(oneLine);
    expect(score(r, reportTruth(REPORTS.lanting2020)).silent).toEqual([]);
    expect(r.cells.find((c) => c.key === 'apply.granted.total')?.value).toBe(2);
    const binhai = reportText(REPORTS.binhai2020)
      .replace(/[ \t|]+/g, '')
      .replace(/\n+/g, '');
    expect(binhai).toContain('保护第三方合法权益10000015.属于三类内部事务信息');
    const rb = extractReport(binhai);
    expect(score(rb, reportTruth(REPORTS.binhai2020)).wrong).toEqual([]);
    expect(rb.cells.find((c) => c.key === 'apply.denied.third_party.natural_person')).toMatchObject({
      value: 1,
      how: 'split',
    });
  });

  it('a legacy table that lost every separator', () => {
    const oneLine = reportText(REPORTS.gaobeidian2017)
      .replace(/[ \t|]+/g, '')
      .replace(/\n+/g, '');
    expect(oneLine).toContain('政府网站公开政府信息数条27203.政务微博');
    const r = extractReport(oneLine);
    expect(score(r, reportTruth(REPORTS.gaobeidian2017)).wrong).toEqual([]);
    expect(r.cells.find((c) => c.key === 'legacy.channels.website')?.value).toBe(2720);
  });

  it('glued multi-digit runs: settled by row and column arithmetic, else candidates go to review', () => {
    let text = reportText(REPORTS.binhai2020);
    text = replaceAfter(text, '一、本年新收', '3 | 0 | 0 | 0 | 0 | 0 | 3', '12 | 0 | 0 | 0 | 0 | 0 | 12');
    text = replaceAfter(text, '(一)予以公开', '2 | 0 | 0 | 0 | 0 | 0 | 2', '110000011');
    text = replaceAfter(text, '(七)总计', '3 | 0 | 0 | 0 | 0 | 0 | 3', '12 | 0 | 0 | 0 | 0 | 0 | 12');
    const r = extractReport(text);
    const granted = r.cells.filter((c) => c.key.startsWith('apply.granted.')).map((c) => c.value);
    expect(granted).toEqual([11, 0, 0, 0, 0, 0, 11]);
    // The only cut the row's sum allows, and the column sums hold: confirmed, not in review.
    expect(r.review).not.toContain('apply.granted.natural_person');
    expect(r.findings.find((f) => f.rule === 'extract.split_checked')?.keys).toContain(
      'apply.granted.natural_person',
    );
    expect(r.findings.some((f) => f.rule.startsWith('apply.'))).toBe(false);
    // The same cut with a column sum that fails on it goes back to review.
    const broken = extractReport(
      replaceAfter(text, '(七)总计', '12 | 0 | 0 | 0 | 0 | 0 | 12', '13 | 0 | 0 | 0 | 0 | 0 | 13'),
    );
    expect(broken.review).toContain('apply.granted.natural_person');
    // `1200` for 3 cells is 1,20,0 or 12,0,0 and the active table has no arithmetic to decide: review.
    const ambiguous = replaceAfter(reportText(REPORTS.binhai2020), '行政许可', '0 | 0 | 0', '1200');
    const ra = extractReport(ambiguous);
    expect(ra.review).toEqual([
      'active.licensing.prev_items',
      'active.licensing.change',
      'active.licensing.decisions',
    ]);
    expect(ra.findings.find((f) => f.rule === 'extract.ambiguous_split')?.message).toContain('12 0 0');
  });

  it('blank, —, / and 无 cells read as 0, blank-as-zero', () => {
    let text = reportText(REPORTS.binhai2020);
    text = replaceAfter(text, '二、上年结转', '0 | 0 | 0', '— | / | 无');
    text = replaceAfter(text, '(二)部分公开', '| 0 | 0 |', '|  | 0 |');
    const r = extractReport(text);
    const carried = r.cells.filter((c) => c.key.startsWith('apply.carried_over.'));
    expect(carried.slice(0, 3).map((c) => [c.value, c.how])).toEqual([
      [0, 'blank_as_zero'],
      [0, 'blank_as_zero'],
      [0, 'blank_as_zero'],
    ]);
    expect(r.cells.find((c) => c.key === 'apply.partial.natural_person')).toMatchObject({
      value: 0,
      how: 'blank_as_zero',
    });
    expect(score(r, reportTruth(REPORTS.binhai2020)).wrong).toEqual([]);
  });

  it('"00" for 0 inside a row of separated cells', () => {
    const text = reportText(REPORTS.cuidong2021);
    expect(text).toContain('| 00 |');
    const r = extractReport(text);
    expect(r.cells.find((c) => c.key === 'apply.other.overdue_correction.legal_service')).toMatchObject({
      value: 0,
      raw: '00',
    });
  });

  it('units inside cells, decimals in 万元, signed 本年增/减, thousands separators, full-width digits', () => {
    let text = reportText(REPORTS.lanting2020);
    text = text.replace('11840', '251000元');
    text = text.replace(/(行政许可\n\n {2}0\n\n\u00a0)0/, '$1-2');
    text = replaceAfter(text, '行政事业性收费', ' 0', ' +3', 0);
    expect(value(text, 'active.procurement.amount')).toMatchObject({ value: 251000, raw: '251000元' });
    expect(value(text, 'active.licensing.change')?.value).toBe(-2);
    expect(value(text, 'active.fees.prev_items')?.value).toBe(3);
    const fees = reportText(REPORTS.cuidong2021).replace('行政事业性收费 | 33', '行政事业性收费 | 33.65');
    expect(value(fees, 'active.fees.amount')?.value).toBe(33.65);
    const legacy = reportText(REPORTS.gaobeidian2017).replace('\n2720 |', '\n2,720 |');
    expect(value(legacy, 'legacy.active.total')?.value).toBe(2720);
    const wide = reportText(REPORTS.binhai2020).replace(/[0-9]/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect(score(extractReport(wide), reportTruth(REPORTS.binhai2020)).wrong).toEqual([]);
  });

  it('NBSP, zero-width characters and curly quotes do not disturb reading', () => {
    const text = reportText(REPORTS.binhai2020).replace(/ \| /g, '\u00a0|\u200b ').replace(/"/g, '“');
    expect(score(extractReport(text), reportTruth(REPORTS.binhai2020)).wrong).toEqual([]);
  });

  it('a 2021 report that kept the single （六）其他处理 row uses apply.other.<column>', () => {
    const text = reportText(REPORTS.yongcheng2023).replace(
      /\(六\)其他处理 \| 1\.申请人[\s\S]*?\n3\.其他 \|/,
      '(六)其他处理 |',
    );
    const r = extractReport(text);
    expect(r.template).toBe('2021');
    expect(r.cells.some((c) => c.key === 'apply.other.total')).toBe(true);
    expect(r.cells.some((c) => c.key.startsWith('apply.other.other.'))).toBe(false);
    expect(r.review).toEqual([]);
  });

  it('a legacy table with a 历年累计 column and a province’s own indicator', () => {
    let text = reportText(REPORTS.gaobeidian2017).replace('统计数 |', '本年度 |\n历年累计 |');
    text = text.replace(
      /(\n件 \|\n)(\d+) \|/g,
      (_, unit: string, n: string) => `${unit}${n} |\n${Number(n) * 3} |`,
    );
    text = text.replace('4.信函申请数 |', '4.电子邮件申请数 |\n件 |\n0 |\n0 |\n5.信函申请数 |');
    const r = extractReport(text);
    expect(r.cells.find((c) => c.key === 'legacy.apply.received#cumulative')?.value).toBe(36);
    expect(r.cells.find((c) => c.key === 'legacy.label:4.电子邮件申请数')?.value).toBe(0);
    expect(r.cells.find((c) => c.key === 'legacy.apply.letter')?.value).toBe(5);
  });

  it('a table the reader cannot find puts its cells in front of the reviewer', () => {
    const text = reportText(REPORTS.binhai2020);
    const cut = text.slice(0, text.indexOf('五、政府信息公开行政复议'));
    const r = extractReport(cut);
    expect(r.findings.find((f) => f.rule === 'extract.missing_table')?.message).toContain('行政复议');
    expect(r.review).toContain('litigation.after_review.total');
    expect(r.review).not.toContain('apply.new.total');
  });

  it('related links to other reports at the foot of a page do not change the agency or the year', () => {
    const text =
      reportText(REPORTS.binhai2020) +
      '\n相关链接\n青岛西海岸新区管理委员会办公室2019年政府信息公开工作年度报告\n黄岛区人民政府2018年政府信息公开工作年度报告\n';
    const r = extractReport(`滨海街道办事处2020年政府信息公开工作年度报告\n${text}`);
    expect(r.meta).toMatchObject({ agency: '滨海街道办事处', year: 2020 });
  });
});
