// Printed lines → paragraphs, so that the text reads as the HTML reader's does (one line per paragraph): a line
// that runs to the right margin continues on the next line when that one starts at the left margin in the same
// font size; a title centred over two lines in a large font is one line.
import { unionAll, type Rect } from './geometry';
import { joinCellLines, type TextLine } from './lines';

export interface Paragraph {
  text: string;
  /** The printed lines, with where each one starts in `text`. */
  lines: { start: number; end: number; box: Rect }[];
  box: Rect;
}

function sizeOf(line: TextLine): number {
  const sizes = line.fragments.map((f) => f.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

function bodySize(lines: TextLine[]): number {
  // The size most of the page's characters are printed in.
  const weight = new Map<number, number>();
  for (const l of lines) {
    const s = Math.round(sizeOf(l));
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [s, w] of weight) if (w > most) [best, most] = [s, w];
  return best;
}

export function paragraphs(lines: TextLine[], pageWidth: number): Paragraph[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.box.x));
  const right = Math.max(...lines.map((l) => l.box.x + l.box.width));
  const body = bodySize(lines);
  const centre = pageWidth / 2;
  const out: Paragraph[] = [];
  let prev: TextLine | null = null;
  for (const line of lines) {
    const size = sizeOf(line);
    const current = out[out.length - 1];
    if (prev && current) {
      const prevSize = sizeOf(prev);
      const sameSize = Math.abs(prevSize - size) < 0.5;
      const gap = line.box.y - (prev.box.y + prev.box.height);
      const near = gap >= -0.3 * size && gap <= 1.2 * size;
      const runsOn = prev.box.x + prev.box.width >= right - 1.5 * size && line.box.x <= left + size;
      const centred = (l: TextLine): boolean => Math.abs(l.box.x + l.box.width / 2 - centre) < 2 * size;
      const title = size >= body * 1.15 && centred(prev) && centred(line);
      if (sameSize && near && (runsOn || title)) {
        const joined = joinCellLines([current.text, line.text]);
        const start = joined.length - line.text.length;
        current.text = joined;
        current.lines.push({ start, end: joined.length, box: line.box });
        current.box = unionAll([current.box, line.box])!;
        prev = line;
        continue;
      }
    }
    out.push({ text: line.text, lines: [{ start: 0, end: line.text.length, box: line.box }], box: line.box });
    prev = line;
  }
  return out;
}
