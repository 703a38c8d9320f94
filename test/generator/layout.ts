// Renders a printed table in one of the page layouts: ` | `-joined rows, one cell per line, or everything on one
// line with no separator left.
import { garbleLabel, padValue } from './cells';
import type { DataItem, Form } from './forms';
import type { Random } from './random';
import type { LineStyle } from './shapes';
import type { Layout } from './types';

export interface PrintedRow {
  /** Printed text of each cell, in key order. */
  texts: string[];
  /** Glue: how many consecutive cells each printed token holds (sums to the cell count). */
  glue?: number[];
  /** The one cell the page does not show (short row). */
  drop?: number;
  /** Pipes: the values from this index on continue on the next line. One cell per line: the label breaks. */
  breakAt?: number;
}

export interface RenderStyle {
  layout: Layout;
  lineStyle: LineStyle;
  /** NBSPs, zero-width spaces, other quotes. */
  invisible: boolean;
}

/** The printed tokens of a row: its cell texts without the dropped one, glued where the page glues them. */
export function tokensOf(row: PrintedRow): string[] {
  const shown = row.texts.filter((_, i) => i !== row.drop);
  if (!row.glue) return shown;
  const out: string[] = [];
  let at = 0;
  for (const n of row.glue) {
    out.push(shown.slice(at, at + n).join(''));
    at += n;
  }
  return out;
}

function pipeLine(cells: string[], pads: number): string {
  return `${cells.join(' | ')} |${pads > 0 ? ` ${'|'.repeat(pads)}` : ''}`;
}

/** Column headers of 004-style pages break inside (`本年新` / `制作数量`). */
function breakHeader(rng: Random, cell: string, columns: number): string[] {
  if (columns < 2 || cell.length < 5 || cell.length > 12 || !rng.chance(0.35)) return [cell];
  const at = rng.int(2, cell.length - 2);
  return [cell.slice(0, at), cell.slice(at)];
}

export function renderTable(
  rng: Random,
  form: Form,
  rows: Map<DataItem, PrintedRow>,
  style: RenderStyle,
): string[] {
  // Pages without separators have no indentation either.
  const label = (s: string): string =>
    style.invisible ? garbleLabel(rng, s, style.layout !== 'one_line') : s;
  const value = (s: string): string => {
    if (style.layout === 'one_line') return s;
    if (style.layout === 'cell_per_line' && style.lineStyle === '004')
      return padValue(rng, s, style.invisible);
    return style.invisible && rng.chance(0.3) ? padValue(rng, s, true) : s;
  };
  const rowOf = (item: DataItem): PrintedRow => {
    const row = rows.get(item);
    if (!row) throw new Error(`generator: row ${item.id} was not printed`);
    return row;
  };
  const lines: string[] = [];
  const last = form.items.length - 1;

  if (style.layout === 'one_line') {
    const parts = form.items.map((item) =>
      item.kind === 'text'
        ? item.cells.map(label).join('')
        : item.labels.map(label).join('') + tokensOf(rowOf(item)).join(''),
    );
    return [parts.join('')];
  }

  form.items.forEach((item, index) => {
    const isLast = index === last;
    if (style.layout === 'pipes') {
      if (item.kind === 'text') {
        lines.push(pipeLine(item.cells.map(label), isLast ? 0 : form.width - item.cells.length));
        return;
      }
      const row = rowOf(item);
      const labels = item.labels.map(label);
      const cells = tokensOf(row).map(value);
      // A short row keeps the padding of a full one: its missing cell simply is not there (as in 000).
      const pads = isLast ? 0 : Math.max(0, form.width - labels.length - item.keys.length);
      if (row.breakAt === undefined) lines.push(pipeLine([...labels, ...cells], pads));
      else {
        lines.push(pipeLine([...labels, ...cells.slice(0, row.breakAt)], 0));
        lines.push(`| ${pipeLine(cells.slice(row.breakAt), pads)}`);
      }
      return;
    }
    // One cell per line.
    const bar = style.lineStyle === '002';
    const put = (s: string): void => void lines.push(bar ? (s.trim() === '' ? '|' : `${s} |`) : s);
    if (item.kind === 'text') {
      for (const c of item.cells)
        for (const piece of bar ? [c] : breakHeader(rng, c, item.cells.length)) put(label(piece));
      if (bar) for (let i = item.cells.length; i < form.width && !isLast; i++) put('');
      return;
    }
    const row = rowOf(item);
    item.labels.forEach((l, i) => {
      const own = i === item.labels.length - 1;
      if (own && row.breakAt !== undefined && !bar) {
        put(label(l.slice(0, row.breakAt)));
        put(label(l.slice(row.breakAt)));
      } else put(label(l));
    });
    const tokens = tokensOf(row);
    for (const t of tokens) put(value(t));
    if (bar && !isLast) for (let i = item.labels.length + tokens.length; i < form.width; i++) put('');
  });
  return lines;
}
