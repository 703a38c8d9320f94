// Office readers describe what they found as simple HTML (paragraphs, tables with rowspan/colspan), so that Word
// binary files and spreadsheets go through the same walk, grid and rendering as web pages and .docx.

import { escapeHtml } from '../../shared/html';

export interface OfficeCell {
  /** The cell's content: paragraphs (see paragraphHtml) and nested tables, as HTML. */
  html: string[];
  rowSpan: number;
  colSpan: number;
}

/** One paragraph; line breaks inside it stay line breaks. */
export function paragraphHtml(text: string): string {
  return `<p>${text.split('\n').map(escapeHtml).join('<br>')}</p>`;
}

export function tableHtml(rows: OfficeCell[][]): string {
  const out: string[] = ['<table>'];
  for (const row of rows) {
    out.push('<tr>');
    for (const cell of row) {
      const rs = cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '';
      const cs = cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '';
      out.push(`<td${rs}${cs}>${cell.html.join('')}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('');
}
