// What the reviewer has and has not looked at: every cell of the report is confirmed by the table's arithmetic,
// read but unconfirmed (no rule checks it), listed for review, or edited.
import { rulesFor } from '../../../core/rules';
import type { CellState } from '../../../core/words';
import type { CellView } from '../../../shared/api';
import type { Template } from '../../../shared/types';
import type { FindingIndex } from './findings';

export type { CellState };

const EPS = 1e-6;

/** Keys of every rule that applies to the report and holds. */
function confirmedKeys(template: Template | null, cells: ReadonlyMap<string, CellView>): Set<string> {
  const out = new Set<string>();
  if (template !== '2019' && template !== '2021' && template !== 'legacy') return out;
  const has = (k: string): boolean => cells.has(k);
  const value = (k: string): number => Number(cells.get(k)?.value ?? 0);
  for (const rule of rulesFor(template, has)) {
    const legacy = rule.id.startsWith('legacy.');
    const applies = legacy
      ? rule.left.every(has) && rule.right.some(has)
      : rule.left.every(has) && rule.right.every(has);
    if (!applies) continue;
    const left = rule.left.reduce((s, k) => s + value(k), 0);
    const right = rule.right.reduce((s, k) => s + value(k), 0);
    if (Math.abs(left - right) > EPS) continue;
    for (const k of [...rule.left, ...rule.right]) if (has(k)) out.add(k);
  }
  return out;
}

export function cellStates(
  template: Template | null,
  cells: ReadonlyMap<string, CellView>,
  index: FindingIndex,
): Map<string, CellState> {
  const confirmed = confirmedKeys(template, cells);
  const states = new Map<string, CellState>();
  for (const [key, cell] of cells) {
    let state: CellState;
    if (cell.edited) state = 'edited';
    else if (
      cell.review ||
      cell.attention ||
      cell.value === null ||
      cell.how === 'guessed' ||
      index.severity.has(key)
    )
      state = 'review';
    else if (confirmed.has(key) && cell.how !== null) state = 'confirmed';
    else state = 'unconfirmed';
    states.set(key, state);
  }
  return states;
}

/** Keys whose state differs between two maps. */
export function changedStates(
  a: ReadonlyMap<string, CellState>,
  b: ReadonlyMap<string, CellState>,
): string[] {
  const keys: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) keys.push(k);
  return keys;
}

export function countStates(states: ReadonlyMap<string, CellState>): Record<CellState, number> {
  const n: Record<CellState, number> = { confirmed: 0, unconfirmed: 0, review: 0, edited: 0 };
  for (const s of states.values()) n[s]++;
  return n;
}
