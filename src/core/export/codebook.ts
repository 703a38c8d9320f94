// The codebook: one entry per canonical key, generated from the field definitions (src/core/fields).
import { fieldsOf, TEMPLATE_IDS, type FieldDef } from '../fields';
import type { TemplateId } from '../../shared/types';

export interface CodebookEntry {
  key: string;
  /** Printed label (of the newest format that has the key). */
  label: string;
  /** Table id: active, apply, review, legacy. */
  table: string;
  tableTitle: string;
  /** Row label as printed. */
  row: string;
  /** Column label as printed; empty for the legacy table, which has one value column. */
  column: string;
  unit: string;
  /** Formats that have the key, newest first. */
  templates: TemplateId[];
}

/** Splits a label into row and column: `row | column`, else (review table) the last space-separated word. */
export function splitLabel(field: Pick<FieldDef, 'label' | 'template'>): { row: string; column: string } {
  const { label } = field;
  if (field.template === 'legacy') return { row: label, column: '' };
  const bar = label.lastIndexOf(' | ');
  if (bar >= 0) return { row: label.slice(0, bar), column: label.slice(bar + 3) };
  const space = label.lastIndexOf(' ');
  if (space >= 0) return { row: label.slice(0, space), column: label.slice(space + 1) };
  return { row: label, column: '' };
}

/**
 * Unit of a field: the field's own unit (legacy table), else 万元 where the label says so, 项 for counts of items
 * (项目数量, 本年增/减), none for the procurement amount (the form does not fix it), 件 for every other count.
 */
export function unitOf(field: Pick<FieldDef, 'key' | 'label' | 'unit'>): string {
  if (field.unit) return field.unit;
  if (field.label.includes('万元')) return '万元';
  if (field.key === 'active.procurement.amount') return '';
  if (/\.(prev_items|change)$/.test(field.key) || field.key === 'active.procurement.items') return '项';
  return '件';
}

function buildCodebook(): CodebookEntry[] {
  const entries = new Map<string, CodebookEntry>();
  for (const template of TEMPLATE_IDS) {
    for (const field of fieldsOf(template)) {
      const known = entries.get(field.key);
      if (known) {
        known.templates.push(template);
        continue;
      }
      entries.set(field.key, {
        key: field.key,
        label: field.label,
        table: field.table,
        tableTitle: field.tableTitle,
        ...splitLabel(field),
        unit: unitOf(field),
        templates: [template],
      });
    }
  }
  return [...entries.values()];
}

let codebook: readonly CodebookEntry[] | undefined;

/** Every canonical key of every format: the 2021 keys in printed order, then 2019-only keys, then legacy keys. */
export function codebookEntries(): readonly CodebookEntry[] {
  codebook ??= buildCodebook();
  return codebook;
}

const LEGACY_LABEL = 'legacy.label:';
const CUMULATIVE = '#cumulative';

export interface Place {
  table: string;
  row: string;
  column: string;
}

/**
 * Where a cell key sits in the printed table of a report of `template` (labels as that format prints them).
 * Covers the keys outside the codebook too: `legacy.label:<label>` (row = the printed label) and
 * `<key>#cumulative` (column 历年累计).
 */
export function placeOf(key: string, template: string): Place {
  if (key.endsWith(CUMULATIVE)) {
    const base = placeOf(key.slice(0, -CUMULATIVE.length), template);
    return { ...base, column: '历年累计' };
  }
  if (key.startsWith(LEGACY_LABEL))
    return { table: 'legacy', row: key.slice(LEGACY_LABEL.length), column: '' };
  return placesOf(template).get(key) ?? { table: '', row: '', column: '' };
}

const places = new Map<string, Map<string, Place>>();
function placesOf(template: string): Map<string, Place> {
  let map = places.get(template);
  if (!map) {
    map = new Map(codebookEntries().map((e) => [e.key, { table: e.table, row: e.row, column: e.column }]));
    if (isTemplate(template)) {
      for (const f of fieldsOf(template)) map.set(f.key, { table: f.table, ...splitLabel(f) });
    }
    places.set(template, map);
  }
  return map;
}

const isTemplate = (t: string): t is TemplateId => TEMPLATE_IDS.includes(t as TemplateId);

/** Position of a key in the printed order of a template, for sorting a report's cells; unknown keys sort last. */
export function keyOrder(template: string): (key: string) => number {
  const order = new Map<string, number>();
  const fields = isTemplate(template) ? fieldsOf(template) : [];
  fields.forEach((f, i) => order.set(f.key, i));
  const rest = codebookEntries();
  rest.forEach((e, i) => {
    if (!order.has(e.key)) order.set(e.key, fields.length + i);
  });
  return (key) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
}
