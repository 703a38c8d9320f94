// Word .docx: mammoth turns it into HTML (gridSpan → colspan, vMerge → rowspan), then the HTML path reads it.

import mammoth from 'mammoth';
import { readFailure } from './failure';
import { readHtmlString } from './html';
import type { ReadResult } from './types';
import { checkZip, zipBomb } from './zip-guard';

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const zip = checkZip(bytes);
  if (!zip.ok)
    return zip.reason === 'bomb'
      ? zipBomb('docx', zip.detail)
      : readFailure(
          'docx',
          'corrupt',
          'Word 文档（.docx）已损坏或不完整，无法读取',
          `corrupt .docx: ${zip.detail}`,
        );
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
    if (result.messages.some((m) => /cell merging may be incorrect/i.test(m.message)))
      warnings.push('Word 表格的合并单元格可能读取不准确，请核对表格（table cell merging may be incorrect）');
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return readFailure(
      'docx',
      'corrupt',
      'Word 文档（.docx）已损坏或不完整，无法读取',
      `corrupt .docx: ${detail}`,
    );
  }
  return readHtmlString(html, 'docx', undefined, warnings);
}
