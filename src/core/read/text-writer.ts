// The document text as readers lay it out: lines joined by '\n', a table row as one line of its cells joined by
// ' | ', and the span of every cell in the text.
import type { Span } from '../../shared/types';

export const CELL_SEPARATOR = ' | ';

export class TextWriter {
  private readonly lines: string[] = [];
  /** Length of the text so far. */
  private length = 0;

  /** Where the next line starts in the text. */
  get next(): number {
    return this.lines.length === 0 ? 0 : this.length + 1;
  }

  /** Appends a line; returns where it starts. */
  push(line: string): number {
    const start = this.next;
    this.lines.push(line);
    this.length = start + line.length;
    return start;
  }

  /**
   * Appends a table, one line per row that holds any text; `onCell` gets each written cell's span. Returns the
   * table's span, or null when every row was empty.
   */
  table<C extends { text: string }>(rows: Iterable<C[]>, onCell: (cell: C, span: Span) => void): Span | null {
    let start = -1;
    for (const row of rows) {
      if (row.every((c) => c.text === '')) continue;
      const lineStart = this.next;
      let pos = lineStart;
      for (const [i, cell] of row.entries()) {
        if (i > 0) pos += CELL_SEPARATOR.length;
        onCell(cell, { start: pos, end: pos + cell.text.length });
        pos += cell.text.length;
      }
      this.push(row.map((c) => c.text).join(CELL_SEPARATOR));
      if (start < 0) start = lineStart;
    }
    return start < 0 ? null : { start, end: this.length };
  }

  text(): string {
    return this.lines.join('\n');
  }
}
