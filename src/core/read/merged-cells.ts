// The cells of a ruled grid once the boxes its missing lines join are merged: each group's row and column range.

export interface CellRange {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** `find(i)` gives the group of box `r * cols + c`; returns each group's range, keyed by the group. */
export function mergedRanges(
  rows: number,
  cols: number,
  find: (i: number) => number,
): Map<number, CellRange> {
  const ranges = new Map<number, CellRange>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const g = ranges.get(root);
      if (!g) ranges.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        g.r0 = Math.min(g.r0, r);
        g.r1 = Math.max(g.r1, r);
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      }
    }
  return ranges;
}
