// Structure first: where the reader found a table grid, each printed cell is one cell. A number that fills a grid
// cell is never cut into several cells, as a glued run of a text dump may be.
import type { Span } from '../../shared/types';
import type { NormalizedText } from '../read/normalize';

export interface GridCells {
  /** Normalised offsets where a grid cell holding one whole number starts: never cut. */
  whole: Set<number>;
  /** Normalised offsets of empty grid cells: a blank cell in a row of values, never padding. */
  empty: Set<number>;
}

export function gridCells(original: string, norm: NormalizedText, cells: readonly Span[]): GridCells {
  const starts = new Set<number>();
  const empty = new Set<number>();
  for (const span of cells) {
    const raw = original.slice(span.start, span.end).trim();
    if (raw === '') {
      empty.add(normalizedIndex(norm, span.start));
      continue;
    }
    if (!/^[+-]?\d{2,}$/.test(raw)) continue;
    const from = span.start + original.slice(span.start, span.end).indexOf(raw[0]!);
    starts.add(normalizedIndex(norm, from));
  }
  return { whole: starts, empty };
}

/** The first normalised character that comes from `offset` or later in the original text. */
function normalizedIndex(norm: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.toOriginal[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
