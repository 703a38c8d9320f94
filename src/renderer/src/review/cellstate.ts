// What the reviewer has and has not looked at: every cell of the report is confirmed by the table's arithmetic,
// read but unconfirmed (no rule checks it), listed for review, or edited.
import { confirmedKeys } from '../../../core/rules';
import type { CellState } from '../../../core/words';
import type { CellView } from '../../../shared/api';
import type { Template } from '../../../shared/types';
import type { FindingIndex } from './findings';

export type { CellState };

/** Keys of every rule that applies to the report and holds (the same rules the extractor and the store check). */
function confirmedCells(template: Template | null, cells: ReadonlyMap<string, CellView>): Set<string> {
  if (template !== '2019' && template !== '2021' && template !== 'legacy') return new Set();
  const values = new Map<string, number | null>();
  for (const [key, cell] of cells) values.set(key, cell.value);
  return confirmedKeys(template, values);
}

export function cellStates(
  template: Template | null,
  cells: ReadonlyMap<string, CellView>,
  index: FindingIndex,
): Map<string, CellState> {
  const confirmed = confirmedCells(template, cells);
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
