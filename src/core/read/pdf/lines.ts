// Fragments → lines of text: fragments whose vertical extents overlap are one line, ordered left to right, with a
// space wherever the gap between two fragments is wide or the text stream had a space there.
import { unionAll, type Fragment, type Rect } from './geometry';

export interface TextLine {
  text: string;
  box: Rect;
  fragments: Fragment[];
}

/** A gap wider than this share of the font size is a space. */
const SPACE_GAP = 0.3;

const centre = (f: Rect): number => f.y + f.height / 2;

/** Groups fragments into lines, top to bottom. */
export function groupLines(fragments: Fragment[], spaces: { x: number; y: number }[] = []): TextLine[] {
  const sorted = [...fragments].sort((a, b) => centre(a) - centre(b) || a.x - b.x);
  const groups: Fragment[][] = [];
  let top = 0;
  let bottom = 0;
  for (const f of sorted) {
    const group = groups[groups.length - 1];
    const c = centre(f);
    // Same line when this fragment's centre falls inside the line's band (its first fragment's extent, shrunk a
    // little so that the next line's fragments never join it).
    if (group && c > top && c < bottom) {
      group.push(f);
      continue;
    }
    groups.push([f]);
    top = f.y + f.height * 0.15;
    bottom = f.y + f.height * 0.85;
  }
  return groups.map((g) => toLine(g, spaces));
}

function spaceBetween(spaces: { x: number; y: number }[], left: Fragment, right: Fragment): boolean {
  const from = left.x + left.width - 0.5;
  for (const s of spaces)
    if (s.x >= from && s.x <= right.x + 0.5 && s.y >= left.y && s.y <= left.y + left.height) return true;
  return false;
}

export function toLine(group: Fragment[], spaces: { x: number; y: number }[] = []): TextLine {
  const ordered = [...group].sort((a, b) => a.x - b.x);
  let text = '';
  let prev: Fragment | null = null;
  for (const f of ordered) {
    if (prev) {
      const gap = f.x - (prev.x + prev.width);
      const size = Math.max(prev.size, f.size);
      const wide = gap > SPACE_GAP * size;
      if ((wide || spaceBetween(spaces, prev, f)) && !text.endsWith(' ') && !f.text.startsWith(' '))
        text += ' ';
    }
    text += f.text;
    prev = f;
  }
  return { text: text.trim(), box: unionAll(ordered)!, fragments: ordered };
}

/** Joins the lines of one table cell: CJK text runs on without a break, Latin words and numbers get a space. */
export function joinCellLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (out && /[A-Za-z0-9.,;:%)]$/.test(out) && /^[A-Za-z0-9(]/.test(line)) out += ' ';
    out += line;
  }
  return out;
}
