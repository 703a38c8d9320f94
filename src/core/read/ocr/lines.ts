// Text lines by ink projection: rows of a region that hold dark pixels form lines; within a line, wide blank gaps
// separate pieces (columns of an unruled layout). Works on clean scans and page images, where lines are level.
import { DARK } from './ruling';
import type { GrayImage } from './image';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Ink-bearing runs of a profile: [start, end) pairs, gaps of up to `bridge` bridged. */
function runs(profile: Uint32Array, minInk: number, bridge: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i < profile.length; i++) {
    if (profile[i]! >= minInk) {
      if (start < 0) start = i;
      else if (i - lastInk - 1 > bridge) {
        out.push([start, lastInk + 1]);
        start = i;
      }
      lastInk = i;
    }
  }
  if (start >= 0) out.push([start, lastInk + 1]);
  return out;
}

/**
 * Characters such as 三 or 二 are strokes with blank rows between them: join a run with its neighbour when the gap is
 * small and the two together are no taller than a line.
 */
function mergeStrokes(rowRuns: [number, number][]): [number, number][] {
  const heights = rowRuns
    .map(([a, b]) => b - a)
    .filter((h) => h >= 8)
    .sort((a, b) => a - b);
  if (heights.length === 0) return rowRuns;
  const median = heights[heights.length >> 1]!;
  const out: [number, number][] = [];
  for (const run of rowRuns) {
    const last = out[out.length - 1];
    if (last && run[0] - last[1] <= Math.max(2, median * 0.3) && run[1] - last[0] <= median * 1.25)
      last[1] = run[1];
    else out.push([run[0], run[1]]);
  }
  return out;
}

function clampRect(img: GrayImage, r: Rect): Rect {
  const x = Math.max(0, Math.round(r.x));
  const y = Math.max(0, Math.round(r.y));
  return {
    x,
    y,
    width: Math.max(0, Math.min(img.width, Math.round(r.x + r.width)) - x),
    height: Math.max(0, Math.min(img.height, Math.round(r.y + r.height)) - y),
  };
}

/**
 * The text pieces of a region, top to bottom, each piece's lines left to right. `gapFactor`: a blank gap wider
 * than this many line heights splits a line into pieces (Infinity keeps each line whole).
 */
export function findLines(img: GrayImage, region: Rect, gapFactor = 1.5): Rect[][] {
  const r = clampRect(img, region);
  if (r.width === 0 || r.height === 0) return [];
  const rows = new Uint32Array(r.height);
  for (let y = 0; y < r.height; y++) {
    const base = (r.y + y) * img.width + r.x;
    let n = 0;
    for (let x = 0; x < r.width; x++) if (img.data[base + x]! < DARK) n++;
    rows[y] = n;
  }
  const lines: Rect[][] = [];
  for (const [y0, y1] of mergeStrokes(runs(rows, 1, 1))) {
    const h = y1 - y0;
    const cols = new Uint32Array(r.width);
    let ink = 0;
    for (let y = y0; y < y1; y++) {
      const base = (r.y + y) * img.width + r.x;
      for (let x = 0; x < r.width; x++)
        if (img.data[base + x]! < DARK) {
          cols[x]!++;
          ink++;
        }
    }
    // Specks: a line needs some height and some ink.
    if (h < 4 || ink < 12) continue;
    const bridge = Number.isFinite(gapFactor) ? Math.max(6, Math.round(h * gapFactor)) : r.width;
    const pieces = runs(cols, 1, bridge)
      .filter(([x0, x1]) => x1 - x0 >= 2)
      .map(([x0, x1]) => ({ x: r.x + x0, y: r.y + y0, width: x1 - x0, height: h }));
    if (pieces.length > 0) lines.push(pieces);
  }
  return lines;
}
