// 政府信息公开情况统计表 (before 2019): indicator / unit / value rows, provinces differ.
import { maskRemarks, tokenize } from './tokens';
import { emptyResult, type TableResult } from './table-read';

const START = /政府信息公开情况统计表|统\s*计\s*指\s*标|主动公开政府信息数/;
const UNIT_CELL = /^(?:万元|人次|元|件|条|个|人|次|项|篇|起)$/;
const HEADER_CELL = /^(?:统计指标|指标名称|单位|计量单位|统计数|数量|本年度|本年|历年累计|累计|备注)$/;

type Section = 'active' | 'response' | 'apply' | 'review' | 'litigation' | 'other';

/** Known indicators: first match wins; `section` restricts labels that repeat across sections. */
const INDICATORS: { re: RegExp; key: string; section?: Section }[] = [
  { re: /主动公开规范性文件数/, key: 'active.normative_docs' },
  { re: /制发规范性文件总数/, key: 'active.normative_made' },
  { re: /重点领域公开政府信息数/, key: 'key_areas.total' },
  { re: /主动公开政府信息数/, key: 'active.total' },
  { re: /财政预算决算|三公经费/, key: 'key_areas.budget' },
  { re: /保障性安居工程|保障性住房/, key: 'key_areas.housing' },
  { re: /食品安全/, key: 'key_areas.food_safety' },
  { re: /环境核查|环境状况|突发环境/, key: 'key_areas.environment' },
  { re: /招投标/, key: 'key_areas.tendering' },
  { re: /生产安全事故/, key: 'key_areas.work_safety' },
  { re: /农用地|征收集体土地|征地公告/, key: 'key_areas.land' },
  { re: /政府指导价|政府定价/, key: 'key_areas.pricing' },
  { re: /企业信用/, key: 'key_areas.credit' },
  { re: /预算执行审计/, key: 'key_areas.audit' },
  { re: /公共企事业单位/, key: 'key_areas.public_enterprises' },
  { re: /决定主动公开的其他信息/, key: 'key_areas.other' },
  { re: /政府公报公开/, key: 'channels.gazette' },
  { re: /政府网站公开/, key: 'channels.website' },
  { re: /政务微博公开/, key: 'channels.weibo' },
  { re: /政务微信公开/, key: 'channels.wechat' },
  { re: /其他方式公开/, key: 'channels.other' },
  { re: /回应公众关注热点|重大舆情/, key: 'response.hotspots' },
  { re: /主要负责同志参加新闻发布会/, key: 'response.press_conferences_leaders' },
  { re: /新闻发布会/, key: 'response.press_conferences' },
  { re: /主要负责同志参加政府网站在线访谈/, key: 'response.online_interviews_leaders' },
  { re: /在线访谈/, key: 'response.online_interviews' },
  { re: /政策解读稿件/, key: 'response.interpretations' },
  { re: /微博微信回应/, key: 'response.weibo_wechat' },
  { re: /其他方式回应/, key: 'response.other' },
  { re: /收到申请数/, key: 'apply.received' },
  { re: /当面申请/, key: 'apply.in_person' },
  { re: /传真申请/, key: 'apply.fax' },
  { re: /网络申请/, key: 'apply.online' },
  { re: /信函申请/, key: 'apply.letter' },
  { re: /申请办结数/, key: 'apply.closed' },
  { re: /按时办结/, key: 'apply.closed_on_time' },
  { re: /延期办结/, key: 'apply.closed_extended' },
  { re: /申请答复数/, key: 'apply.answered' },
  { re: /已主动公开范围/, key: 'apply.already_public' },
  { re: /同意部分公开/, key: 'apply.partial' },
  { re: /不同意公开/, key: 'apply.denied' },
  { re: /同意公开/, key: 'apply.granted' },
  { re: /国家秘密/, key: 'apply.denied_state_secret' },
  { re: /商业秘密/, key: 'apply.denied_commercial_secret' },
  { re: /个人隐私/, key: 'apply.denied_privacy' },
  { re: /危及国家安全|公共安全|经济安全/, key: 'apply.denied_security' },
  { re: /所指政府信息/, key: 'apply.denied_not_gov_info' },
  { re: /法律法规规定的其他情形/, key: 'apply.denied_other_law' },
  { re: /不属于本行政机关/, key: 'apply.not_this_agency' },
  { re: /申请信息不存在/, key: 'apply.not_exist' },
  { re: /更改补充/, key: 'apply.needs_change' },
  { re: /其他途径/, key: 'apply.other_channel' },
  { re: /行政复议数量/, key: 'review.total' },
  { re: /行政诉讼数量/, key: 'litigation.total' },
  { re: /维持具体行政行为/, key: 'review.maintained', section: 'review' },
  { re: /被依法纠错/, key: 'review.corrected', section: 'review' },
  { re: /其他情形/, key: 'review.other', section: 'review' },
  { re: /维持具体行政行为|驳回原告/, key: 'litigation.maintained', section: 'litigation' },
  { re: /被依法纠错/, key: 'litigation.corrected', section: 'litigation' },
  { re: /其他情形/, key: 'litigation.other', section: 'litigation' },
  { re: /举报投诉数量/, key: 'complaints' },
  { re: /收取的费用/, key: 'fees' },
  { re: /专门机构数/, key: 'org.units' },
  { re: /查阅点数/, key: 'org.reading_points' },
  { re: /从事政府信息公开工作人员数/, key: 'org.staff' },
  { re: /专职人员数/, key: 'org.staff_full_time' },
  { re: /兼职人员数/, key: 'org.staff_part_time' },
  { re: /专项经费/, key: 'org.budget' },
  { re: /工作会议|专题会议/, key: 'meetings.meetings' },
  { re: /培训班/, key: 'meetings.trainings' },
  { re: /接受培训人员/, key: 'meetings.trainees' },
];

function sectionOf(label: string, current: Section): Section {
  if (!/^[一二三四五六七八九十]+[、.]/.test(label)) return current;
  if (/主动公开/.test(label)) return 'active';
  if (/回应解读/.test(label)) return 'response';
  if (/依申请公开/.test(label)) return 'apply';
  if (/行政复议/.test(label)) return 'review';
  if (/行政诉讼/.test(label)) return 'litigation';
  return 'other';
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** Cells in reading order; an empty cell between two ' | ' on one line is kept (text '') as a blank value. */
function cellsOf(text: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  let lineStart = from;
  while (lineStart < to) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl > to ? to : nl;
    const parts = text.slice(lineStart, lineEnd).split('|');
    let at = lineStart;
    parts.forEach((part, k) => {
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      // A line holding only '|' is an empty cell too (one cell per line).
      const interior =
        (k > 0 && k < parts.length - 1) || (parts.length === 2 && k === 0 && parts[1]!.trim() === '');
      if (trimmed || interior)
        cells.push({ text: trimmed, start: at + lead, end: at + lead + trimmed.length });
      at += part.length + 1;
    });
    lineStart = lineEnd + 1;
  }
  return cells;
}

const isValueCell = (s: string): boolean =>
  /^[+-]?[\d,]+(?:\.\d+)?\s*(?:万元|人次|元|件|条|个|人|次|项|篇|起)?$/.test(s) ||
  /^(?:—+|-+|\/|无)$/.test(s);

interface IndicatorRow {
  label: string;
  values: Cell[];
}

/** Rows from a table whose cells are separated (by ' | ' or line breaks): label, unit, value(s). */
function rowsFromCells(text: string, start: number, to: number): IndicatorRow[] {
  const cells = cellsOf(text, start, to);
  const rows: IndicatorRow[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (
      isValueCell(cell.text) ||
      UNIT_CELL.test(cell.text) ||
      HEADER_CELL.test(cell.text.replace(/\s+/g, ''))
    )
      continue;
    if (!/[\u3400-\u9fff]/.test(cell.text)) continue;
    // A long sentence after the table has begun is prose: the table has ended.
    if (rows.length > 3 && cell.text.length > 60 && /[。；]/.test(cell.text)) break;
    const values: Cell[] = [];
    let j = i + 1;
    for (; j < cells.length; j++) {
      const next = cells[j]!;
      if (UNIT_CELL.test(next.text)) continue;
      if (next.text !== '' && !isValueCell(next.text)) break;
      values.push(next);
    }
    // Empty cells count as blank values only between or before printed values, not as padding after them.
    while (values.length > 0 && values[values.length - 1]!.text === '') values.pop();
    rows.push({ label: cell.text, values });
    i = j - 1;
  }
  return rows;
}

/**
 * Rows from a table that lost every separator: `…政府信息数条2720其中:主动公开规范性文件数条2…`. The unit ends the
 * label; a numbering glued after a value (`…数条01.政府公报…`) is cut off.
 */
function rowsFromRun(text: string, start: number, to: number): IndicatorRow[] {
  const masked = maskRemarks(text.slice(start, to));
  const re = /([^\d|\n]{2,120}?)(万元|人次|条|件|次|篇|个|人|元)\s*(\d[\d,]*(?:\.\d+)?)/g;
  const rows: IndicatorRow[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    let raw = m[3]!;
    const after = masked.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (/^[.．、][\u3400-\u9fff]/.test(after) && raw.length > 1) {
      raw = raw.slice(0, -1);
      re.lastIndex -= 1;
    }
    const valueStart = start + m.index + m[0].length - m[3]!.length;
    const label = text.slice(start + m.index, start + m.index + m[1]!.length).trim();
    rows.push({ label, values: [{ text: raw, start: valueStart, end: valueStart + raw.length }] });
  }
  return rows;
}

export function readLegacyTable(text: string, from: number, to: number): TableResult | null {
  const startMatch = START.exec(text.slice(from, to));
  if (!startMatch) return null;
  const start = from + startMatch.index;
  const result = emptyResult(start, to);
  const fromCells = rowsFromCells(text, start, to);
  const withValues = fromCells.filter((r) => r.values.length > 0).length;
  const rows = withValues >= 5 ? fromCells : rowsFromRun(text, start, to);
  const cumulative = /累计/.test(text.slice(start, Math.min(to, start + 400)));
  const used = new Set<string>();
  let section: Section = 'active';
  let count = 0;
  for (const { label, values } of rows) {
    section = sectionOf(label.replace(/^[^一二三四五六七八九十]*(?=[一二三四五六七八九十]+、)/, ''), section);
    if (values.length === 0) continue;
    count++;
    const indicator = INDICATORS.find(
      (d) => d.re.test(label) && (!d.section || d.section === section) && !used.has(d.key),
    );
    const key = indicator ? `legacy.${indicator.key}` : `legacy.label:${label}`;
    if (indicator) used.add(indicator.key);
    const expected = cumulative ? 2 : 1;
    values.slice(0, expected).forEach((v, k) => {
      const token = tokenize(text, v.start, v.end, false)[0];
      const value = token?.kind === 'num' ? token.value : 0;
      const how = token?.kind === 'num' ? 'clean' : 'blank_as_zero';
      result.cells.push({
        key: k === 0 ? key : `${key}#cumulative`,
        value,
        how,
        raw: v.text,
        start: v.start,
        end: v.end,
        ...(indicator ? {} : { label }),
      });
    });
    for (let k = values.length; k < expected; k++) {
      // Not printed where expected: kept as an empty guess so that the reviewer sees the cell.
      const missing = k === 0 ? key : `${key}#cumulative`;
      result.cells.push({
        key: missing,
        value: null,
        how: 'guessed',
        raw: '',
        start: -1,
        end: -1,
        ...(indicator ? {} : { label }),
      });
    }
    if (values.length !== expected) {
      const keys = values.length < expected ? [key, `${key}#cumulative`] : [key];
      for (const k of keys) result.review.add(k);
      result.findings.push({
        rule: values.length < expected ? 'extract.short_row' : 'extract.long_row',
        severity: 'warning',
        keys,
        message: `「${label}」印出 ${values.length} 个数，应有 ${expected} 个`,
      });
    }
    result.end = values[values.length - 1]!.end;
  }
  return count > 0 ? result : null;
}
