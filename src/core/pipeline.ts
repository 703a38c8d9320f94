// One document from bytes to extraction: read (encoding, HTML, DOCX, DOC/WPS, XLS/XLSX, PDF, OCR of scans and
// page images), then extract and check.
import type { Extraction } from '../shared/types';
import { extractReport } from './extract';
import { metaFromFileName } from './extract/meta';
import { readDocument } from './read';
import type { ReadOptions, ReadResult } from './read/types';

export interface ProcessedDocument {
  read: ReadResult;
  extraction: Extraction | null;
}

export async function processDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ProcessedDocument> {
  const read = await readDocument(bytes, fileName, options);
  if (!read.ok) return { read, extraction: null };
  const cells = read.tableSources?.flatMap((t) => t.cells.map((c) => c.span));
  const extraction = extractReport({
    text: read.text,
    ...(cells ? { cells } : {}),
    ...(read.ocr ? { ocr: read.ocr } : {}),
  });
  // A sheet of tables has no title: its file name may still say whose report it is and for which year.
  if (extraction.tables.length > 0 && (!extraction.meta.agency || !extraction.meta.year)) {
    const named = metaFromFileName(fileName);
    extraction.meta.agency ??= named.agency;
    extraction.meta.year ??= named.year;
  }
  return { read, extraction };
}
