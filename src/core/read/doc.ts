// Word 97–2003 binary documents (.doc, and .wps as WPS Office saves them): word-extractor reads the piece table
// (the text, with deleted revisions blanked out); the paragraph properties (word-props) tell where each table
// cell and row ends and how cells merge. The result is laid out as HTML and read like a web page or a .docx.

import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { readFailure } from './failure';
import { readHtmlString } from './html';
import { paragraphHtml, tableHtml } from './office-html';
import { encryptedFile, type Ole2Container } from './ole2';
import type { ReadResult } from './types';
import { propsAt, readParagraphRuns, type ParaRun, type RowDef } from './word-props';
import { wordTableCells, type WordRow } from './word-table';

interface Piece {
  startCp: number;
  startFilePos: number;
  /** Bytes per character: 2 for UTF-16 pieces, 1 for compressed (cp1252) pieces. */
  bpc: number;
  text: string;
}

interface WordOleExtractor {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
}

type WordOleExtractorClass = new () => WordOleExtractor;

const require = createRequire(import.meta.url);

/** The body text's pieces, by word-extractor (pinned version: its internal class is used). */
async function readPieces(
  container: Ole2Container,
  wordDoc: Buffer,
): Promise<{ pieces: Piece[]; ccpText: number }> {
  const Base = require('word-extractor/lib/word-ole-extractor') as WordOleExtractorClass;
  class PieceReader extends Base {
    documentStream(_document: unknown, name: string): Promise<Readable> {
      const stream = container.stream(name);
      return stream
        ? Promise.resolve(Readable.from([stream]))
        : Promise.reject(new Error(`no ${name} stream`));
    }
    /** Paragraph properties are read by word-props; the base class would overwrite row ends with newlines. */
    writeParagraphProperties(): void {}
    buildDocument(): null {
      return null;
    }
  }
  const reader = new PieceReader();
  await reader.extractWordDocument(null, wordDoc);
  return { pieces: reader._pieces, ccpText: reader._boundaries.ccpText };
}

/** One open table while the body is walked; nested tables open one inside a cell of another. */
interface OpenTable {
  rows: WordRow[];
  /** The current row's finished cells. */
  cells: string[][];
  /** The current cell's content. */
  cell: string[];
}

/** Builds the HTML of the body: paragraphs, and tables (nested ones inside their cells). */
class BodyBuilder {
  private readonly html: string[] = [];
  private readonly open: OpenTable[] = [];

  private target(): string[] {
    return this.open.length > 0 ? this.open[this.open.length - 1]!.cell : this.html;
  }

  private at(depth: number): OpenTable | null {
    while (this.open.length > depth) this.close();
    while (this.open.length < depth) this.open.push({ rows: [], cells: [], cell: [] });
    return this.open[this.open.length - 1] ?? null;
  }

  private close(): void {
    const table = this.open.pop()!;
    if (table.cell.length > 0) table.cells.push(table.cell);
    if (table.cells.length > 0) table.rows.push({ cells: table.cells });
    if (table.rows.length > 0) this.target().push(tableHtml(wordTableCells(table.rows)));
  }

  paragraph(depth: number, text: string): void {
    this.at(depth);
    if (text.trim() !== '') this.target().push(paragraphHtml(text));
  }

  cellEnd(depth: number, text: string): void {
    const table = this.at(depth);
    this.paragraph(depth, text);
    if (!table) return;
    table.cells.push(table.cell);
    table.cell = [];
  }

  rowEnd(depth: number, def: RowDef | undefined): void {
    const table = this.at(depth);
    if (!table) return;
    if (table.cell.length > 0) table.cells.push(table.cell);
    table.rows.push({ cells: table.cells, def });
    table.cells = [];
    table.cell = [];
  }

  /** True when the last thing seen closed a cell: a guess at row ends for marks without properties. */
  atCellBoundary(): boolean {
    const table = this.open[this.open.length - 1];
    return !!table && table.cell.length === 0 && table.cells.length > 0;
  }

  finish(): string {
    this.at(0);
    return this.html.join('\n');
  }
}

/** Walks the body text: paragraph marks end lines, cell marks and row ends build tables. */
function bodyHtml(pieces: Piece[], ccpText: number, runs: ParaRun[]): string {
  const body = new BodyBuilder();
  let para = '';
  /** Field codes: instructions are hidden, results shown. */
  const fields: ('code' | 'result')[] = [];
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      if (piece.startCp + i >= ccpText) break;
      const ch = piece.text[i]!;
      const code = ch.charCodeAt(0);
      if (code === 0x13) fields.push('code');
      else if (code === 0x14) {
        if (fields.length > 0) fields[fields.length - 1] = 'result';
      } else if (code === 0x15) fields.pop();
      else if (fields.includes('code')) continue;
      else if (code === 0x0d || code === 0x0c || code === 0x07) {
        const props = propsAt(runs, piece.startFilePos + i * piece.bpc);
        const depth = props?.depth ?? (code === 0x07 ? 1 : 0);
        if (code === 0x07 && (props ? props.rowEnd : para === '' && body.atCellBoundary()))
          body.rowEnd(Math.max(1, depth), props?.row);
        else if (code === 0x07) body.cellEnd(Math.max(1, depth), para);
        else if (props?.innerRowEnd) body.rowEnd(depth, props.row);
        else if (props?.innerCellEnd) body.cellEnd(depth, para);
        else body.paragraph(depth, para);
        para = '';
      } else if (code === 0x0b) para += '\n';
      else if (code === 0x09) para += ' ';
      else if (code === 0x1e) para += '-';
      else if (code >= 0x20) para += ch;
    }
  }
  body.paragraph(0, para);
  return body.finish();
}

export async function readWordBinary(container: Ole2Container, format: 'doc' | 'wps'): Promise<ReadResult> {
  const wordDoc = container.stream('WordDocument');
  if (!wordDoc || wordDoc.length < 0x1a6 || wordDoc.readUInt16LE(0) !== 0xa5ec)
    return readFailure(
      format,
      'corrupt',
      '旧版 Word 文档（.doc）已损坏，无法读取',
      'not a valid WordDocument stream',
    );
  const flags = wordDoc.readUInt16LE(0x0a);
  if (flags & 0x0100) return encryptedFile(format);
  if (wordDoc.readUInt16LE(2) < 0xc0)
    return readFailure(
      format,
      'unsupported',
      '不支持 Word 95 或更早版本的文档，请另存为 .docx',
      'Word 95 or older binary format',
    );
  const tableStream = container.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!tableStream)
    return readFailure(format, 'corrupt', '旧版 Word 文档（.doc）已损坏，无法读取', 'no table stream');
  const { pieces, ccpText } = await readPieces(container, wordDoc);
  const runs = readParagraphRuns(wordDoc, tableStream, container.stream('Data'));
  return readHtmlString(bodyHtml(pieces, ccpText, runs), format);
}
