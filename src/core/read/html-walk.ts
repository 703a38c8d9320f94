// Streams an HTML page and collects its visible text as blocks (lines and tables).
// Streaming rather than a DOM walk: no recursion, so 10,000-deep nesting cannot overflow the stack.

import { parseHtml } from './html-events';
import { MAX_COLSPAN, placeTable, spanValue, type SourceCell } from './grid';
import type { Block } from './render';

/** Elements whose content is never shown. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
  'textarea',
]);

/** Elements that start a new line (the table elements are handled on their own). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary',
  'title', 'ul', 'caption', 'tbody', 'thead', 'tfoot',
]); // prettier-ignore

const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/** East Asian wide characters: a line break between two of them is not a space (CSS Text 3 segment breaks). */
function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

export function collapseWhitespace(s: string): string {
  if (!/[ \t\n\r\f]/.test(s)) return s.trim();
  return s
    .replace(COLLAPSIBLE, (run: string, at: number, all: string) =>
      (run.includes('\n') || run.includes('\r')) &&
      isWide(all.charCodeAt(at - 1)) &&
      isWide(all.charCodeAt(at + run.length))
        ? ''
        : ' ',
    )
    .trim();
}

/** Where text flows: the page itself, a table cell, or a table's caption and stray text. */
class Flow {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  hasTable = false;

  write(text: string): void {
    this.parts.push(text);
  }

  lineBreak(): void {
    if (this.parts.length === 0) return;
    const line = collapseWhitespace(this.parts.join(''));
    this.parts = [];
    if (line !== '') this.blocks.push({ kind: 'line', text: line });
  }

  add(block: Block): void {
    this.lineBreak();
    // A nested table of either kind.
    if (block.kind === 'table' || (block.kind === 'group' && !block.linesOnly)) this.hasTable = true;
    this.blocks.push(block);
  }
}

interface Cell {
  flow: Flow;
  rowSpan: number;
  colSpan: number;
}

class TableBuilder {
  readonly rows: Cell[][] = [];
  readonly stray = new Flow();
  row: Cell[] | null = null;
  cell: Cell | null = null;

  endCell(): void {
    this.cell?.flow.lineBreak();
    this.cell = null;
  }

  endRow(): void {
    this.endCell();
    if (this.row) this.rows.push(this.row);
    this.row = null;
  }

  startCell(attribs: Record<string, string>): void {
    this.endCell();
    if (!this.row) this.row = [];
    this.cell = {
      flow: new Flow(),
      rowSpan: spanValue(attribs.rowspan, 65534, true),
      colSpan: spanValue(attribs.colspan, MAX_COLSPAN, false),
    };
    this.row.push(this.cell);
  }

  /** A table that holds other tables, one column, or long passages frames a page; it is not a data table. */
  isLayout(): boolean {
    let width = 0;
    for (const row of this.rows) {
      width = Math.max(
        width,
        row.reduce((w, c) => w + c.colSpan, 0),
      );
      for (const cell of row) {
        if (cell.flow.hasTable) return true;
        const lines = cell.flow.blocks.length;
        if (
          lines >= 2 &&
          cell.flow.blocks.reduce((n, b) => n + (b.kind === 'line' ? b.text.length : 0), 0) >= 300
        )
          return true;
      }
    }
    return width <= 1;
  }

  /** The blocks this table contributes to the flow around it. */
  finish(): Block[] {
    this.endRow();
    while (this.rows.at(-1)?.length === 0) this.rows.pop(); // a row cut off before its first cell
    this.stray.lineBreak();
    // A few stray lines are copied; many are passed by reference, so that 10,000 unclosed tables, each in the
    // stray text of the one before, are not copied 10,000 times over (that took 40 s for a 2 MB page).
    const stray = this.stray;
    const out: Block[] =
      stray.blocks.length <= 16
        ? [...stray.blocks]
        : [{ kind: 'group', blocks: stray.blocks, ...(stray.hasTable ? {} : { linesOnly: true }) }];
    if (this.rows.length === 0) return out;
    if (this.isLayout()) {
      for (const row of this.rows)
        for (const cell of row) out.push({ kind: 'group', blocks: cell.flow.blocks });
      return out;
    }
    const source: SourceCell[][] = this.rows.map((row) =>
      row.map((cell) => ({
        text: cell.flow.blocks.map((b) => (b.kind === 'line' ? b.text : '')).join(' '),
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
      })),
    );
    out.push({ kind: 'table', table: placeTable(source) });
    return out;
  }
}

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs) return true;
  const style = attribs.style;
  return style !== undefined && /display\s*:\s*none/i.test(style);
}

/** The visible text of an HTML page as blocks, tables kept as tables. */
export function walkHtml(html: string): Block[] {
  const page = new Flow();
  const tables: TableBuilder[] = [];
  // One frame per open element: parseHtml reports a close for every open, innermost first.
  const frames: { name: string; startsSkip: boolean }[] = [];
  let skipping = false;
  let preDepth = 0;

  const flow = (): Flow => {
    const table = tables[tables.length - 1];
    if (!table) return page;
    return table.cell ? table.cell.flow : table.stray;
  };

  parseHtml(html, {
    onopentag(name, attribs) {
      if (skipping) {
        frames.push({ name, startsSkip: false });
        return;
      }
      const startsSkip = SKIPPED.has(name) || isHidden(attribs);
      frames.push({ name, startsSkip });
      if (startsSkip) {
        skipping = true;
        return;
      }
      const table = tables[tables.length - 1];
      if (name === 'table') {
        flow().lineBreak();
        tables.push(new TableBuilder());
      } else if (table && name === 'tr') {
        table.endRow();
        table.row = [];
      } else if (table && (name === 'td' || name === 'th')) {
        table.startCell(attribs);
      } else if (name === 'pre') {
        flow().lineBreak();
        preDepth++;
      } else if (BLOCKS.has(name) || name === 'td' || name === 'th' || name === 'tr') {
        flow().lineBreak();
      }
    },
    onclosetag() {
      const frame = frames.pop();
      if (!frame) return;
      if (frame.startsSkip) {
        skipping = false;
        return;
      }
      if (skipping) return;
      const name = frame.name;
      const table = tables[tables.length - 1];
      if (name === 'table' && table) {
        tables.pop();
        const blocks = table.finish();
        const outer = flow();
        for (const block of blocks) outer.add(block);
      } else if (table && name === 'tr') {
        table.endRow();
      } else if (table && (name === 'td' || name === 'th')) {
        table.endCell();
      } else if (name === 'pre') {
        flow().lineBreak();
        preDepth = Math.max(0, preDepth - 1);
      } else if (BLOCKS.has(name)) {
        flow().lineBreak();
      }
    },
    ontext(text) {
      if (skipping) return;
      const into = flow();
      if (preDepth === 0) {
        into.write(text);
        return;
      }
      const lines = text.split(/\r\n|\r|\n/);
      for (const [i, line] of lines.entries()) {
        if (i > 0) into.lineBreak();
        into.write(line);
      }
    },
  });
  page.lineBreak();
  return page.blocks;
}
