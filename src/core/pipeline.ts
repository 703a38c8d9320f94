// One document from bytes to extraction: read (encoding, HTML, DOCX), then extract and check.
import type { Extraction } from '../shared/types';
import { extractReport } from './extract';
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
  return { read, extraction: extractReport(read.text, read.ocr) };
}
