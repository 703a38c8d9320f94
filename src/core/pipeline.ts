// One document from bytes to extraction: read (encoding, HTML, DOCX), then extract and check.
import type { Extraction } from '../shared/types';
import { extractReport } from './extract';
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
  return { read, extraction: extractReport({ text: read.text, ...(cells ? { cells } : {}) }) };
}
