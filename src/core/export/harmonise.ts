// The harmonised view: 2019- and 2021-format reports side by side for panels (README.md (Exporting datasets) explains each choice).
//
// - A key that exists in both formats means the same thing in both and lines up in one column. That covers every
//   apply row printed in both forms, the review/litigation table, and active.{licensing,punishment,coercion}
//   .decisions ("处理决定数量" in 2019, "本年处理决定数量" in 2021: the decisions of the report's year).
// - apply.other.<column> is the 2019 single （六）其他处理 row; for a 2021 report it is the row itself where the
//   report kept it, else the sum of the three 2021 sub-rows apply.other.{overdue_correction,overdue_fee,other}.
//   The sub-rows keep their own columns too.
// - Keys of one format only stay apart, including the active-table pairs that look alike but count different
//   things: active.rules.new_made (2019 本年新制作数量) vs active.rules.made (2021 本年制发件数), and the
//   normative-document columns, whose scope narrowed from 规范性文件 to 行政规范性文件.
// - Legacy (pre-2019) reports are not part of the view.
import { APPLICANT_COLUMNS, fieldsOf, isKeyOf } from '../fields';
import type { TemplateId } from '../../shared/types';

export const HARMONISED_TEMPLATES: readonly TemplateId[] = ['2021', '2019'];

const OTHER_SUB_ROWS = ['overdue_correction', 'overdue_fee', 'other'] as const;

/** 2021 sub-row key → the 2019 single-row key it sums into. */
export const SUMS_INTO: ReadonlyMap<string, string> = new Map(
  OTHER_SUB_ROWS.flatMap((sub) =>
    APPLICANT_COLUMNS.map((c) => [`apply.other.${sub}.${c}`, `apply.other.${c}`]),
  ),
);

export type HarmonisedIn = 'both' | '2019' | '2021';

/** Whether a key is in the harmonised view, and from which formats; undefined for legacy keys. */
export function harmonisedIn(key: string): HarmonisedIn | undefined {
  const in2019 = isKeyOf('2019', key);
  const in2021 = isKeyOf('2021', key);
  if (in2019 && in2021) return 'both';
  // The 2019 single row is filled for 2021 reports too (kept row or sum of sub-rows).
  if (in2019 && [...SUMS_INTO.values()].includes(key)) return 'both';
  if (in2019) return '2019';
  if (in2021) return '2021';
  return undefined;
}

/**
 * Columns of the harmonised view, table by table: the 2021 keys in printed order with the 2019 single other-row
 * placed before its sub-rows, then the keys of that table that only the 2019 format has.
 */
export function harmonisedKeys(): string[] {
  const keys: string[] = [];
  const tables = [...new Set(fieldsOf('2021').map((f) => f.table))];
  for (const table of tables) {
    for (const field of fieldsOf('2021').filter((f) => f.table === table)) {
      if (field.key === `apply.other.${OTHER_SUB_ROWS[0]}.${APPLICANT_COLUMNS[0]}`) {
        keys.push(...APPLICANT_COLUMNS.map((c) => `apply.other.${c}`));
      }
      keys.push(field.key);
    }
    for (const field of fieldsOf('2019').filter((f) => f.table === table)) {
      if (!keys.includes(field.key)) keys.push(field.key);
    }
  }
  return keys;
}

/** How the single other-row was filled: printed as one row, summed from the 2021 sub-rows, or absent. */
export type OtherRowFrom = 'row' | 'sum' | null;

/**
 * One report's values in the order of `keys` (from harmonisedKeys()). `values` are the report's current values;
 * a key the report lacks is null.
 */
export function harmoniseValues(
  keys: readonly string[],
  values: ReadonlyMap<string, number | null>,
): { values: (number | null)[]; otherFrom: OtherRowFrom } {
  let otherFrom: OtherRowFrom = null;
  const out = keys.map((key) => {
    const own = values.get(key) ?? null;
    const subRows = SUMS_INTO_REVERSE.get(key);
    if (!subRows) return own;
    if (own !== null) {
      otherFrom = 'row';
      return own;
    }
    const parts = subRows.map((k) => values.get(k) ?? null).filter((v): v is number => v !== null);
    if (parts.length === 0) return null;
    otherFrom ??= 'sum';
    return parts.reduce((a, b) => a + b, 0);
  });
  return { values: out, otherFrom };
}

const SUMS_INTO_REVERSE: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [sub, single] of SUMS_INTO) map.set(single, [...(map.get(single) ?? []), sub]);
  return map;
})();
