// 政府信息公开情况统计表 (before 2019): indicator / unit / value rows; provinces differ in labels, in numbering and in
// whether a 历年累计 column stands beside the year's.
import type { Finding, ReadHow } from '../../../shared/types';
import { rulesFor, type SumRule } from '../../rules/definitions';
import { withTableRules } from '../../rules';
import { emptyResult, type TableResult } from '../table-read';
import { indicatorKey, sectionOf, type Section } from './indicators';
import { rowsFromCells, rowsFromText, type Cell, type IndicatorRow } from './rows';
import { settle, splitReadings, type Reading, type Unknown } from './settle';
import { partitionRules, type LaidOutRow } from './structure';

export interface LegacyResult extends TableResult {
  /** The table's own sums (numbered partitions), checked with the rules of spec/RULES.md. */
  rules: SumRule[];
}

const HEADER =
  /(?:指\s*标\s*名\s*称|统\s*计\s*指\s*标|指\s*标)[\s|]*(?:计\s*量\s*)?单\s*位((?:[\s|]*(?:\d{4}\s*年\s*度?|年\s*末\s*统\s*计|统\s*计\s*数|本\s*年\s*度?|本年数|数\s*量|历\s*年\s*累\s*计|累\s*计))*)/g;
const TITLE = /政府信息公开(?:工作)?情况统计表|统\s*计\s*指\s*标/g;
/** Without a header: the first indicator row of a table (`主动公开信息数 条`). */
const FIRST_ROW = /主动公开[^\d|\n。，]{0,12}数[\s|]*(?:条|件)/g;

interface Candidate {
  rowsFrom: number;
  columns: number;
}

function candidates(text: string, from: number, to: number): Candidate[] {
  const region = text.slice(from, to);
  const out: Candidate[] = [];
  for (const m of region.matchAll(HEADER)) {
    out.push({ rowsFrom: from + m.index + m[0].length, columns: /累\s*计/.test(m[1] ?? '') ? 2 : 1 });
  }
  if (out.length === 0) {
    for (const m of region.matchAll(TITLE)) {
      const head = region.slice(m.index, m.index + 600);
      out.push({ rowsFrom: from + m.index + m[0].length, columns: /历\s*年\s*累\s*计/.test(head) ? 2 : 1 });
    }
    for (const m of region.matchAll(FIRST_ROW)) {
      const head = region.slice(Math.max(0, m.index - 80), m.index);
      out.push({ rowsFrom: from + m.index, columns: /累\s*计/.test(head) ? 2 : 1 });
      break;
    }
  }
  return out.slice(0, 6);
}

function rowsAt(text: string, start: number, to: number): IndicatorRow[] {
  const end = Math.min(to, start + 20_000);
  const fromCells = rowsFromCells(text, start, end);
  if (fromCells.filter((r) => r.values.length > 0).length >= 5) return fromCells;
  return rowsFromText(text, start, end);
}

const valueRows = (rows: IndicatorRow[]): number => rows.filter((r) => r.values.length > 0).length;

/** Longer digit runs are not counts a table prints: read as nothing, for the reviewer. */
const MAX_DIGITS = 12;

function parseCell(cell: Cell): { value: number | null; how: ReadHow } {
  if (cell.text === '' || /^(?:—+|-+|\/|无)$/.test(cell.text)) return { value: 0, how: 'blank_as_zero' };
  const digits = cell.text.replace(/,/g, '').replace(/[^\d.+-].*$/, '');
  const n = Number(digits);
  if (digits.split('.')[0]!.replace(/\D/g, '').length > MAX_DIGITS || !Number.isFinite(n))
    return { value: null, how: 'guessed' };
  return { value: n, how: 'clean' };
}

interface Placed {
  row: IndicatorRow;
  key: string;
  label?: string;
  keys: string[];
  /** Readings of a glued run (several), or undefined when the cells are printed apart. */
  readings?: Reading[];
  run?: Cell;
}

export function readLegacyTable(text: string, from: number, to: number): LegacyResult | null {
  let best: { rows: IndicatorRow[]; c: Candidate } | null = null;
  for (const c of candidates(text, from, to)) {
    const rows = rowsAt(text, c.rowsFrom, to);
    if (!best || valueRows(rows) > valueRows(best.rows)) best = { rows, c };
  }
  if (!best || valueRows(best.rows) < 2) return null;
  const { rows, c } = best;
  const columns = c.columns;
  const result: LegacyResult = { ...emptyResult(c.rowsFrom, c.rowsFrom), rules: [] };

  const used = new Set<string>();
  let section: Section = 'active';
  const placed: Placed[] = [];
  const laidOut: LaidOutRow[] = [];
  for (const row of rows) {
    section = sectionOf(row.label, section);
    if (row.values.length === 0) {
      laidOut.push({ label: row.label, keys: [] });
      continue;
    }
    const canonical = indicatorKey(row.label, section, used);
    if (canonical) used.add(canonical);
    const key = canonical ? `legacy.${canonical}` : `legacy.label:${row.label}`;
    const keys = columns === 2 ? [key, `${key}#cumulative`] : [key];
    const p: Placed = { row, key, keys, ...(canonical ? {} : { label: row.label }) };
    const only = row.values[0]!;
    if (columns > 1 && row.glued && row.values.length === 1 && /^\d{2,24}$/.test(only.text)) {
      p.readings = splitReadings(only.text, columns);
      p.run = only;
    }
    placed.push(p);
    laidOut.push({ label: row.label, keys });
    result.end = Math.max(result.end, row.values[row.values.length - 1]!.end);
  }
  if (placed.length === 0) return null;

  const partitions = partitionRules(laidOut);
  const present = new Set(placed.flatMap((p) => p.keys));
  const rules = withTableRules(
    rulesFor('legacy', (k) => present.has(k)),
    partitions,
  ).filter((r) => present.has(r.left[0]!) && r.right.some((k) => present.has(k)));
  result.rules = partitions;

  // Settle glued runs jointly by the table's sums.
  const known = new Map<string, number>();
  const unknowns: Unknown[] = [];
  const unknownOf = new Map<Placed, number>();
  for (const p of placed) {
    if (p.readings && p.readings.length === 1) {
      p.keys.forEach((k, i) => known.set(k, p.readings![0]!.values[i]!));
      unknownOf.set(p, unknowns.length);
      unknowns.push({ keys: p.keys, readings: p.readings });
    } else if (p.readings) {
      unknownOf.set(p, unknowns.length);
      unknowns.push({ keys: p.keys, readings: p.readings });
    } else
      p.row.values.slice(0, columns).forEach((v, i) => {
        const { value } = parseCell(v);
        if (value !== null) known.set(p.keys[i]!, value);
      });
  }
  const chosen = settle(unknowns, known, rules);

  for (const p of placed) emit(result, p, columns, unknownOf.has(p) ? chosen[unknownOf.get(p)!]! : undefined);
  return result;
}

function emit(result: LegacyResult, p: Placed, columns: number, settled: number | null | undefined): void {
  const extra = p.label ? { label: p.label } : {};
  const { row, keys } = p;
  if (p.readings && p.run) {
    const readings = p.readings;
    const reading = readings[settled ?? 0];
    let at = p.run.start;
    keys.forEach((key, i) => {
      const len = reading ? reading.lengths[i]! : 0;
      const raw = p.run!.text.slice(at - p.run!.start, at - p.run!.start + len);
      result.cells.push({
        key,
        value: reading ? reading.values[i]! : null,
        how: 'split',
        raw,
        start: at,
        end: at + len,
        ...extra,
      });
      at += len;
    });
    if (settled === null || settled === undefined || readings.length === 0 || row.numberingGuessed) {
      for (const k of keys) result.review.add(k);
      const shown = readings
        .slice(0, 4)
        .map((r) => r.values.join(' | '))
        .join('；');
      result.findings.push({
        rule: 'extract.ambiguous_split',
        severity: 'warning',
        keys,
        message: `「${row.label}」的本年数与历年累计数连写为「${p.run.text}」，可拆为：${shown}${readings.length > 4 ? ' …' : ''}`,
      });
    }
    return;
  }
  row.values.slice(0, columns).forEach((v, i) => {
    const { value, how } = parseCell(v);
    result.cells.push({ key: keys[i]!, value, how, raw: v.text, start: v.start, end: v.end, ...extra });
  });
  for (let i = row.values.length; i < columns; i++) {
    result.cells.push({ key: keys[i]!, value: null, how: 'guessed', raw: '', start: -1, end: -1, ...extra });
  }
  const unreadable = row.values.slice(0, columns).some((v) => parseCell(v).value === null);
  if (row.values.length !== columns || row.numberingGuessed || unreadable) {
    for (const k of keys) result.review.add(k);
    const finding: Finding = {
      rule: row.values.length < columns ? 'extract.short_row' : 'extract.long_row',
      severity: 'warning',
      keys,
      message: `「${row.label}」印出 ${row.values.length} 个数，应有 ${columns} 个`,
    };
    if (row.values.length === columns && unreadable) {
      finding.rule = 'extract.unreadable';
      finding.message = `「${row.label}」的数字过长，无法读作一个数`;
    } else if (row.values.length === columns) {
      finding.rule = 'extract.split';
      finding.message = `「${row.label}」的数字与下一行的序号连写，拆分未能确认`;
    }
    result.findings.push(finding);
  }
}
