// Builds small PDFs for the reader's tests: pages of ASCII text and ruled tables, an image-only page, a bomb.
import { deflateSync } from 'node:zlib';

type Obj = { dict: string; stream?: Buffer };

function assemble(objects: Obj[]): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer): void => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (o.stream) {
      push(
        Buffer.from(`${i + 1} 0 obj\n${o.dict.replace(/>>$/, ` /Length ${o.stream.length} >>`)}\nstream\n`),
      );
      push(o.stream);
      push(Buffer.from('\nendstream\nendobj\n'));
    } else push(Buffer.from(`${i + 1} 0 obj\n${o.dict}\nendobj\n`));
  });
  const xref = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/** A PDF whose pages carry the given content streams (Helvetica is /F1; A4 pages, origin bottom left). */
export function pdfWithPages(contents: string[], extra: Obj[] = []): Uint8Array {
  const pageIds = contents.map((_, i) => 4 + i * 2);
  const objects: Obj[] = [
    { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
    {
      dict: `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    },
    { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
  ];
  const firstExtra = 4 + contents.length * 2;
  const xobjects = extra.map((_, i) => `/Im${i} ${firstExtra + i} 0 R`).join(' ');
  for (const content of contents) {
    objects.push({
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << ${xobjects} >> >> /Contents ${objects.length + 2} 0 R >>`,
    });
    objects.push({ dict: '<< >>', stream: Buffer.from(content, 'latin1') });
  }
  return assemble([...objects, ...extra]);
}

export function textAt(x: number, y: number, text: string, size = 10): string {
  return `BT /F1 ${size} Tf ${x} ${y} Td (${text}) Tj ET\n`;
}

/** A ruled table: `rows` of cell texts, columns `widths` wide, rows 20 pt high, top left at (x, top). */
export function ruledTable(x: number, top: number, widths: number[], rows: string[][]): string {
  let s = '0.5 w\n';
  const right = x + widths.reduce((a, b) => a + b, 0);
  const bottom = top - rows.length * 20;
  for (let r = 0; r <= rows.length; r++) s += `${x} ${top - r * 20} m ${right} ${top - r * 20} l S\n`;
  let cx = x;
  for (let c = 0; c <= widths.length; c++) {
    s += `${cx} ${top} m ${cx} ${bottom} l S\n`;
    cx += widths[c] ?? 0;
  }
  rows.forEach((row, r) => {
    let at = x;
    row.forEach((cell, c) => {
      if (cell) s += textAt(at + 4, top - r * 20 - 14, cell);
      at += widths[c]!;
    });
  });
  return s;
}

/** One page showing only an image (a scan). */
export function imageOnlyPdf(): Uint8Array {
  const pixels = Buffer.alloc(100 * 100, 0x80);
  return pdfWithPages(
    ['q 500 0 0 700 50 70 cm /Im0 Do Q\n'],
    [
      {
        dict: '<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>',
        stream: deflateSync(pixels),
      },
    ],
  );
}

/** A page whose content stream inflates to `megabytes` MB. */
export function bombPdf(megabytes: number): Uint8Array {
  const objects: Obj[] = [
    { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>' },
    { dict: '<< /Filter /FlateDecode >>', stream: deflateSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20)) },
  ];
  return assemble(objects);
}
