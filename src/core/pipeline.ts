// One document from bytes to extraction: read (encoding, HTML, DOCX, DOC/WPS, XLS/XLSX), then extract and check.
import type { Extraction } from '../shared/types';
import { extractReport } from './extract';
import { metaFromFileName } from './extract/meta';
import { readDocument } from './read';
import type { ReadResult } from './read/types';

export interface ProcessedDocument {
  read: ReadResult;
  extraction: Extraction | null;
}

export async function processDocument(bytes: Uint8Array, fileName: string): Promise<ProcessedDocument> {
  const read = await readDocument(bytes, fileName);
  if (!read.ok) return { read, extraction: null };
  const cells = read.tableSources?.flatMap((t) => t.cells.map((c) => c.span));
  const extraction = extractReport({ text: read.text, ...(cells ? { cells } : {}) });
  // A sheet of tables has no title: its file name may still say whose report it is and for which year.
  if (extraction.tables.length > 0 && (!extraction.meta.agency || !extraction.meta.year)) {
    const named = metaFromFileName(fileName);
    extraction.meta.agency ??= named.agency;
    extraction.meta.year ??= named.year;
  }
  return { read, extraction };
}
