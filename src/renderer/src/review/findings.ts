// Which cells the standing findings point at, and in what order a reviewer steps through them.
import type { FindingView } from '../../../shared/api';
import type { Severity } from '../../../shared/types';
import type { FormLayout } from './layout';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface FindingIndex {
  /** Worst standing severity per key. */
  severity: Map<string, Severity>;
  /** Standing findings whose suspect is the key (the one with a suggestion first). */
  suspect: Map<string, FindingView>;
  /** Every finding (standing or waived) that mentions the key. */
  byKey: Map<string, FindingView[]>;
  standing: FindingView[];
  errors: number;
  warnings: number;
}

export function indexFindings(findings: readonly FindingView[]): FindingIndex {
  const severity = new Map<string, Severity>();
  const suspect = new Map<string, FindingView>();
  const byKey = new Map<string, FindingView[]>();
  const standing = findings.filter((f) => f.waiver === null);
  for (const f of findings) {
    for (const key of f.keys) byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  for (const f of standing) {
    for (const key of f.keys) {
      const prev = severity.get(key);
      if (!prev || RANK[f.severity] > RANK[prev]) severity.set(key, f.severity);
    }
    if (f.suspect) {
      const prev = suspect.get(f.suspect);
      if (!prev || (prev.suggestion === undefined && f.suggestion !== undefined)) suspect.set(f.suspect, f);
      if (!severity.has(f.suspect)) severity.set(f.suspect, f.severity);
    }
  }
  return {
    severity,
    suspect,
    byKey,
    standing,
    errors: standing.filter((f) => f.severity === 'error').length,
    warnings: standing.filter((f) => f.severity === 'warning').length,
  };
}

/** The cell to show for a finding: its suspect, else its first placed key. */
export function targetOf(f: FindingView, layout: FormLayout): string | null {
  if (f.suspect && layout.position.has(f.suspect)) return f.suspect;
  return f.keys.find((k) => layout.position.has(k)) ?? null;
}

/** Keys to visit with next/previous finding, in reading order of the form: suspects first within a row. */
export function findingStops(index: FindingIndex, layout: FormLayout): string[] {
  const keys = new Set<string>();
  for (const f of index.standing) {
    const t = targetOf(f, layout);
    if (t) keys.add(t);
  }
  const pos = (k: string): number => {
    const p = layout.position.get(k);
    return p ? p.row * 100 + p.col : Number.MAX_SAFE_INTEGER;
  };
  return [...keys].sort((a, b) => pos(a) - pos(b));
}

/** Where an opened report puts the selection: its first finding's cell, or else the form's first cell. */
export function firstStop(index: FindingIndex, layout: FormLayout): string | undefined {
  return findingStops(index, layout)[0] ?? [...layout.position.keys()][0];
}

/** The next stop after (or before) the given position; null at the end. */
export function stepStop(
  stops: readonly string[],
  layout: FormLayout,
  from: { row: number; col: number } | null,
  direction: 1 | -1,
): string | null {
  const here = from ? from.row * 100 + from.col : direction === 1 ? -1 : Number.MAX_SAFE_INTEGER;
  const ordered = direction === 1 ? stops : [...stops].reverse();
  for (const key of ordered) {
    const p = layout.position.get(key);
    if (!p) continue;
    const at = p.row * 100 + p.col;
    if (direction === 1 ? at > here : at < here) return key;
  }
  return null;
}
