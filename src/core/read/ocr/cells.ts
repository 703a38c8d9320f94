// What a table cell says: its lines read one by one and joined; a cell in a column of numbers is read again with
// only digits allowed, and any disagreement or weak character makes it doubtful.
import type { GrayImage } from './image';
import { findLines, type Rect } from './lines';
import { recognizeLine, type LineReading } from './recognizer';

/** Characters a numeric cell may hold. */
export const NUMERIC_CHARS = '0123456789.';
/** A character read with less probability than this makes its cell or line doubtful. */
export const MIN_CONFIDENCE = 0.9;

export interface ReadPiece {
  text: string;
  box: Rect;
  confidence: number;
  /** The digits-only reading, for pieces of a numeric cell. */
  digits: string;
  digitsConfidence: number;
}

/** A copy of `rect` with white margins, so the text does not touch the edge of the line image. */
export function paddedCrop(img: GrayImage, rect: Rect, bound: Rect): GrayImage {
  const padY = Math.round(rect.height * 0.35) + 2;
  const padX = Math.round(rect.height * 0.5) + 2;
  const width = Math.round(rect.width) + 2 * padX;
  const height = Math.round(rect.height) + 2 * padY;
  const data = new Uint8Array(width * height).fill(255);
  const bx0 = Math.max(0, Math.ceil(bound.x));
  const by0 = Math.max(0, Math.ceil(bound.y));
  const bx1 = Math.min(img.width, Math.floor(bound.x + bound.width));
  const by1 = Math.min(img.height, Math.floor(bound.y + bound.height));
  for (let y = 0; y < height; y++) {
    const sy = Math.round(rect.y) - padY + y;
    if (sy < by0 || sy >= by1) continue;
    for (let x = 0; x < width; x++) {
      const sx = Math.round(rect.x) - padX + x;
      if (sx >= bx0 && sx < bx1) data[y * width + x] = img.data[sy * img.width + sx]!;
    }
  }
  return { width, height, data };
}

export async function readPiece(img: GrayImage, rect: Rect, bound: Rect): Promise<ReadPiece> {
  const reading: LineReading = await recognizeLine(paddedCrop(img, rect, bound), { allowed: NUMERIC_CHARS });
  return {
    text: reading.free.text,
    box: rect,
    confidence: reading.free.confidence,
    digits: reading.constrained?.text ?? '',
    digitsConfidence: reading.constrained?.confidence ?? 0,
  };
}

export interface ReadCell {
  pieces: ReadPiece[];
  /** Free reading: the lines joined. */
  text: string;
}

/** Reads the lines inside a cell (its ruling lines left out by the inset). */
export async function readCell(img: GrayImage, cell: Rect, inset = 4): Promise<ReadCell> {
  const inner = {
    x: cell.x + inset,
    y: cell.y + inset,
    width: cell.width - 2 * inset,
    height: cell.height - 2 * inset,
  };
  const pieces: ReadPiece[] = [];
  const lines = findLines(img, inner, Infinity);
  const vertical =
    lines.length >= 3 && inner.height > 2.5 * inner.width && lines.every((l) => l[0]!.width < inner.width);
  for (const line of lines)
    for (const rect of line) {
      // Vertical text (one character a line, read top to bottom): a tall piece holds several characters.
      for (const part of vertical ? squareParts(rect) : [rect])
        pieces.push(await readPiece(img, part, inner));
    }
  return { pieces, text: pieces.map((p) => p.text).join('') };
}

/** A tall piece of vertical text cut into character-sized squares. */
function squareParts(rect: Rect): Rect[] {
  const n = Math.round(rect.height / Math.max(1, rect.width));
  if (n < 2) return [rect];
  const h = rect.height / n;
  return Array.from({ length: n }, (_, i) => ({
    x: rect.x,
    y: rect.y + i * h,
    width: rect.width,
    height: h,
  }));
}

const NUMBERISH = /^[\s\d.,，。:：\-—–oOlI|〇]*\d[\s\d.,，。:：\-—–oOlI|〇]*$/;

/** A cell whose free reading looks like a number (digits, perhaps with look-alike letters). */
export function looksNumeric(text: string): boolean {
  return NUMBERISH.test(text.normalize('NFKC'));
}

export interface CellValue {
  text: string;
  confidence: number;
  doubtful: boolean;
}

/** The text of a cell in a numeric column: the digits-only reading, doubtful when it disagrees with the free one. */
export function numericValue(cell: ReadCell): CellValue {
  if (cell.pieces.length === 0) return { text: '', confidence: 1, doubtful: false };
  const free = cell.text.normalize('NFKC').replace(/[\s,，]/g, '');
  const digits = cell.pieces.map((p) => p.digits).join('');
  const confidence = Math.min(...cell.pieces.map((p) => Math.min(p.confidence, p.digitsConfidence)));
  const wellFormed = /^\d+(?:\.\d+)?$/.test(digits);
  // A blank-like mark (—, /, 无) in a numeric column stays as printed.
  if (!/\d/.test(free) && /^[—\-–/无]+$/.test(free))
    return { text: free, confidence, doubtful: confidence < MIN_CONFIDENCE };
  return {
    text: digits,
    confidence,
    doubtful: !wellFormed || digits !== free || confidence < MIN_CONFIDENCE,
  };
}

export function textValue(cell: ReadCell): CellValue {
  const confidence = Math.min(1, ...cell.pieces.map((p) => p.confidence));
  return { text: cell.text, confidence, doubtful: confidence < MIN_CONFIDENCE };
}
