import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/core/read';
import { CELL_SEPARATOR } from '../../../src/core/read/render';

const fixture = (name: string): Buffer =>
  readFileSync(join(import.meta.dirname, '../../fixtures/read/ocr', name));

// A crop of page 3 of a real report scanned at 150 dpi (hongze 2023): the head of the applications table.
describe('OCR of a page image', () => {
  it('reads the table: rows as cells joined by " | ", digits right, grid and boxes', async () => {
    const progress: number[] = [];
    const read = await readDocument(fixture('apply-table.png'), '申请表.png', {
      onProgress: (p) => progress.push(p.page),
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.format).toBe('image');
    expect(read.ocr?.engine).toMatch(/PP-OCRv4/);
    expect(progress).toEqual([1]);
    const lines = read.text.split('\n');
    expect(lines[0]).toBe('三、收到和处理政府信息公开申请情况');
    const row = (label: string): string[] | undefined =>
      lines.find((l) => l.startsWith(label))?.split(CELL_SEPARATOR);
    expect(row('一、本年新收政府信息公开申请数量')?.slice(1)).toEqual(['21', '0', '0', '0', '0', '0', '21']);
    expect(row('二、上年结转政府信息公开申请数量')?.slice(1)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(row('（二）部分公开')?.slice(1)).toEqual(['4', '0', '0', '0', '0', '0', '4']);
    expect(lines.some((l) => l.endsWith('（一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0'))).toBe(true);

    // One grid with the table's ten columns; each cell's span is its text, and it has a box on page 1.
    expect(read.tables).toHaveLength(1);
    expect(read.tables[0]![0]).toHaveLength(10);
    const source = read.tableSources![0]!;
    for (const cell of source.cells) {
      expect(read.text.slice(cell.span.start, cell.span.end)).toBe(read.tables[0]![cell.row]![cell.col]);
      expect(cell.box?.page).toBe(1);
    }
    const first = source.cells.find((c) => read.text.slice(c.span.start, c.span.end) === '21')!;
    expect(first.box!.x).toBeGreaterThan(640);
    expect(first.box!.x).toBeLessThan(660);
    expect(read.layout?.pages).toEqual([{ width: 1240, height: 560 }]);
    expect(read.layout!.runs.length).toBeGreaterThan(40);
  }, 60_000);
});
